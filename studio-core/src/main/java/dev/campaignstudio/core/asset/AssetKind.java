package dev.campaignstudio.core.asset;

import dev.campaignstudio.core.contract.WireEnum;

/** What an asset is for. Later stages add their own kinds (scene images, clips, speech ...). */
public enum AssetKind implements WireEnum {
    /** A product photo uploaded by a client. */
    UPLOAD("upload");

    private final String wire;

    AssetKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
