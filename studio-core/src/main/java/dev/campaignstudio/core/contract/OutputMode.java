package dev.campaignstudio.core.contract;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The creative output a {@code marketing_output} job makes. The four built-in modes are constants; which modes a
 * service accepts is its {@link ModeCatalog}, filled from the pipeline router's table, so adding a mode is a routing
 * concern: a row with its rules and its pipeline.
 */
public final class OutputMode {

    /** A set of still images. */
    public static final OutputMode IMAGE_BUNDLE = new OutputMode("image_bundle");
    /** A short, fast-cut video of scene clips on a music bed. */
    public static final OutputMode FAST_VIDEO = new OutputMode("fast_video");
    /** A narrated video whose visuals are timed to a script. */
    public static final OutputMode SCRIPT_VIDEO = new OutputMode("script_video");
    /** A selfie-style presenter video. */
    public static final OutputMode UGC = new OutputMode("ugc");

    private static final Pattern WIRE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final String wire;

    private OutputMode(String wire) {
        this.wire = wire;
    }

    /**
     * The mode spelled {@code wire}.
     *
     * @throws IllegalArgumentException when it is not 1 to 32 of a-z, 0-9 and _ starting with a letter
     */
    public static OutputMode of(String wire) {
        Objects.requireNonNull(wire, "wire");
        if (!WIRE.matcher(wire).matches()) {
            throw new IllegalArgumentException("a mode is 1 to 32 of a-z, 0-9 and _, starting with a letter: " + wire);
        }
        for (OutputMode mode : builtIn()) {
            if (mode.wire.equals(wire)) {
                return mode;
            }
        }
        return new OutputMode(wire);
    }

    /** The modes every service has. */
    public static List<OutputMode> builtIn() {
        return List.of(IMAGE_BUNDLE, FAST_VIDEO, SCRIPT_VIDEO, UGC);
    }

    /** The mode as clients spell it. */
    public String wire() {
        return wire;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputMode mode && mode.wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return wire;
    }
}
