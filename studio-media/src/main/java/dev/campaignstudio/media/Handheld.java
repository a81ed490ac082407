package dev.campaignstudio.media;

import java.awt.geom.AffineTransform;
import java.util.SplittableRandom;

/**
 * The selfie look: the frame sways as a hand-held phone does (a smooth drift of up to {@link #DRIFT} of the frame's
 * shorter side each way and a tilt of up to {@link #TILT_DEGREES}, two slow sines per axis with seeded frequencies and
 * phases), always zoomed just enough that no edge shows, and every other clip punched in by {@link #PUNCH_IN} so that
 * a hard cut between clips reads as a jump cut.
 */
final class Handheld {

    /** How much the second, fourth, ... clip is scaled up. */
    static final double PUNCH_IN = 1.12;
    /** The largest shift each way, as a share of the frame's shorter side. */
    static final double DRIFT = 0.015;
    /** The largest tilt each way. */
    static final double TILT_DEGREES = 0.6;

    private final int width;
    private final int height;
    private final int fps;
    private final double amplitude;
    private final double overscan;
    private final Sway x;
    private final Sway y;
    private final Sway tilt;

    Handheld(long seed, int width, int height, int fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.amplitude = DRIFT * Math.min(width, height);
        double theta = Math.toRadians(TILT_DEGREES);
        double halfW = width / 2.0;
        double halfH = height / 2.0;
        this.overscan = Math.max(
                ((halfW + amplitude) * Math.cos(theta) + (halfH + amplitude) * Math.sin(theta)) / halfW,
                ((halfH + amplitude) * Math.cos(theta) + (halfW + amplitude) * Math.sin(theta)) / halfH);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5e1f1eL);
        this.x = new Sway(random);
        this.y = new Sway(random);
        this.tilt = new Sway(random);
    }

    /** The move from the clip's covered frame to the output at {@code frame}, for the clip at {@code clipIndex}. */
    AffineTransform at(int frame, int clipIndex) {
        double t = frame / (double) fps;
        double scale = overscan * (clipIndex % 2 == 1 ? PUNCH_IN : 1);
        AffineTransform transform = AffineTransform.getTranslateInstance(
                width / 2.0 + amplitude * x.at(t), height / 2.0 + amplitude * y.at(t));
        transform.rotate(Math.toRadians(TILT_DEGREES) * tilt.at(t));
        transform.scale(scale, scale);
        transform.translate(-width / 2.0, -height / 2.0);
        return transform;
    }

    /** A slow sine and a faster one, at most 1 either way. */
    private record Sway(double slow, double fast, double slowPhase, double fastPhase) {

        Sway(SplittableRandom random) {
            this(
                    0.25 + random.nextDouble() * 0.2,
                    0.7 + random.nextDouble() * 0.4,
                    random.nextDouble() * 2 * Math.PI,
                    random.nextDouble() * 2 * Math.PI);
        }

        double at(double seconds) {
            return 0.65 * Math.sin(2 * Math.PI * slow * seconds + slowPhase)
                    + 0.35 * Math.sin(2 * Math.PI * fast * seconds + fastPhase);
        }
    }
}
