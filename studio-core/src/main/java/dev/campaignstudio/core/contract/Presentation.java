package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.WireEnum;

/** Whether outputs show the product alone, with a presenter, or both. */
public enum Presentation implements WireEnum {
    PRODUCT_ONLY("product_only"),
    WITH_MODEL("with_model"),
    MIXED("mixed");

    private final String wire;

    Presentation(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
