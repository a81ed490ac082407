package dev.campaignstudio.core.asset;

import dev.campaignstudio.core.id.WireEnum;

/** What an asset is. */
public enum AssetKind implements WireEnum {
    /** A product photo uploaded by a client. */
    UPLOAD("upload"),
    /** A generated still image. */
    IMAGE("image"),
    /** A generated video. */
    VIDEO("video"),
    /** Generated speech or music. */
    AUDIO("audio"),
    /** A generated document: JSON, a contact sheet's data, an archive. */
    DATA("data");

    private final String wire;

    AssetKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
