package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.WireEnum;

/** Visual style of generated scenes; {@code auto} lets the storyboard choose per scene. */
public enum Style implements WireEnum {
    AUTO("auto"),
    STUDIO("studio"),
    GRADIENT("gradient"),
    SURFACE("surface"),
    OUTDOOR("outdoor"),
    PATTERN("pattern");

    private final String wire;

    Style(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
