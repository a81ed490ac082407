package dev.campaignstudio.core.contract;

/** The creative output a {@code marketing_output} job makes. */
public enum OutputMode implements WireEnum {
    /** A set of still images. */
    IMAGE_BUNDLE("image_bundle"),
    /** A short, fast-cut video of scene clips on a music bed. */
    FAST_VIDEO("fast_video"),
    /** A narrated video whose visuals are timed to a script. */
    SCRIPT_VIDEO("script_video"),
    /** A selfie-style presenter video. */
    UGC("ugc");

    private final String wire;

    OutputMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
