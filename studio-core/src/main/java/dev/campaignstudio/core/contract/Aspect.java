package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.WireEnum;

/** Output frame aspect ratios. */
public enum Aspect implements WireEnum {
    PORTRAIT_9_16("9:16", 9, 16),
    SQUARE_1_1("1:1", 1, 1),
    PORTRAIT_4_5("4:5", 4, 5),
    LANDSCAPE_16_9("16:9", 16, 9);

    private final String wire;
    private final int width;
    private final int height;

    Aspect(String wire, int width, int height) {
        this.wire = wire;
        this.width = width;
        this.height = height;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Width part of the ratio. */
    public int widthPart() {
        return width;
    }

    /** Height part of the ratio. */
    public int heightPart() {
        return height;
    }
}
