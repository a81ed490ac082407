package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.id.WireEnum;

/** What a stage needs done, independent of who does it (docs/media.md and docs/providers.md). Each has one port. */
public enum Capability implements WireEnum {
    PRODUCT_ANALYSIS("product_analysis", ProductAnalysis.class),
    IMAGE("image", ImageGeneration.class),
    VIDEO("video", VideoGeneration.class),
    AUDIO("audio", SpeechSynthesis.class),
    SCRIPT("script", ScriptWriting.class),
    STORYBOARD("storyboard", StoryboardWriting.class),
    FIDELITY("fidelity", FidelityCheck.class),
    STITCH("stitch", Stitching.class),
    LIP_SYNC("lip_sync", LipSync.class),
    LINK_READER("link_reader", LinkReader.class);

    private final String wire;
    private final Class<?> port;

    Capability(String wire, Class<?> port) {
        this.wire = wire;
        this.port = port;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The port interface an adapter implements to serve this capability. */
    public Class<?> port() {
        return port;
    }
}
