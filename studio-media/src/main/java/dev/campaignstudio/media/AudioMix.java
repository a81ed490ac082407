package dev.campaignstudio.media;

import java.util.SplittableRandom;

/** A generated music bed, voice-over mixing with ducking, and loudness levelling, all at {@link Mp4Writer#SAMPLE_RATE}. */
final class AudioMix {

    /** How far the music falls under full-level speech: to 40 % (about -8 dB). */
    static final double DUCK = 0.6;

    /** The time constant of the click on each beat of a bed at a requested tempo, in seconds. */
    static final double CLICK_DECAY = 0.004;

    private static final int RATE = Mp4Writer.SAMPLE_RATE;
    private static final double[][] PROGRESSIONS = {{0, 7, 9, 5}, {0, 5, 7, 5}, {9, 5, 0, 7}, {0, 9, 5, 7}};

    private AudioMix() {}

    /**
     * A gentle pad-and-beat bed in a seeded key: a kick starts on every beat, at exact multiples of the beat from sample
     * 0, so cuts on multiples of {@link #beatMs} land on a kick; a hat falls between beats; the chords change every bar
     * of four beats. At a requested tempo the kick also carries a bright click (a burst of noise decaying in
     * {@link #CLICK_DECAY} seconds), so the beat the cuts follow is clearly heard.
     *
     * @param samples length in samples
     * @param seed    chooses the key, the chords (and the tempo when {@code bpm} is 0)
     * @param bpm     beats per minute, or 0 for a seeded tempo of 96 to 112
     * @return samples around -26 dBFS RMS, so the voice sits well above
     */
    static double[] musicBed(int samples, long seed, int bpm) {
        SplittableRandom random = new SplittableRandom(seed);
        int seeded = 96 + random.nextInt(17);
        double beat = 60.0 / (bpm == 0 ? seeded : bpm);
        double root = 196.0 * Math.pow(2, random.nextInt(7) / 12.0);
        double[] progression = PROGRESSIONS[random.nextInt(PROGRESSIONS.length)];
        SplittableRandom clicks = bpm == 0 ? null : new SplittableRandom(~seed);
        double[] out = new double[samples];
        double bar = beat * 4;
        for (int i = 0; i < samples; i++) {
            double t = i / (double) RATE;
            int barIndex = (int) (t / bar);
            double inBar = t - barIndex * bar;
            double chordRoot = root * Math.pow(2, progression[barIndex % progression.length] / 12.0);
            double envelope = Math.min(1, inBar / 0.4) * Math.min(1, (bar - inBar) / 0.3);
            double pad = 0;
            for (double interval : new double[] {0, 4, 7, 12}) {
                double f = chordRoot * Math.pow(2, interval / 12.0);
                pad += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(2 * Math.PI * 2 * f * t);
            }
            pad *= 0.05 * envelope;
            double inBeat = t % beat;
            double kick =
                    Math.sin(2 * Math.PI * (55 + 60 * Math.exp(-inBeat * 30)) * inBeat) * Math.exp(-inBeat * 9) * 0.35;
            double offBeat = (t + beat / 2) % beat;
            double hat = (random.nextDouble() * 2 - 1) * Math.exp(-offBeat * 60) * 0.05;
            double click = clicks == null ? 0 : (clicks.nextDouble() * 2 - 1) * Math.exp(-inBeat / CLICK_DECAY) * 0.3;
            out[i] = pad + kick + hat + click;
        }
        return scale(out, 0.05);
    }

    /** The beat of the bed made by {@link #musicBed} with the same seed and tempo, in milliseconds (rounded). */
    static long beatMs(long seed, int bpm) {
        SplittableRandom random = new SplittableRandom(seed);
        int seeded = 96 + random.nextInt(17);
        return Math.round(60_000.0 / (bpm == 0 ? seeded : bpm));
    }

    /**
     * Adds {@code speech} (the voice-over and any clip sound, -1 to 1) to {@code music}, lowering the music by up to
     * {@link #DUCK} where the speech is loud, then levels and limits the mix. Either may be {@code null}.
     */
    static short[] mix(double[] music, double[] speech, int samples) {
        double[] mix = new double[samples];
        double[] envelope = envelope(speech, samples);
        for (int i = 0; i < samples; i++) {
            double duck = 1 - DUCK * envelope[i];
            double m = music == null || i >= music.length ? 0 : music[i] * duck;
            double v = speech == null || i >= speech.length ? 0 : speech[i];
            mix[i] = m + v;
        }
        return level(mix);
    }

    /** {@code pcm} as -1 to 1. */
    static double[] unit(short[] pcm) {
        double[] out = new double[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / 32768.0;
        }
        return out;
    }

    /** The speech's loudness envelope (0-1): 10 ms attack, 250 ms release, full from about -18 dBFS. */
    private static double[] envelope(double[] speech, int samples) {
        double[] envelope = new double[samples];
        if (speech == null) {
            return envelope;
        }
        double level = 0;
        double attack = Math.exp(-1.0 / (RATE * 0.01));
        double release = Math.exp(-1.0 / (RATE * 0.25));
        for (int i = 0; i < samples; i++) {
            double x = i < speech.length ? Math.abs(speech[i]) : 0;
            level = x > level ? attack * level + (1 - attack) * x : release * level + (1 - release) * x;
            envelope[i] = Math.min(1, level * 8);
        }
        return envelope;
    }

    /** Scales the mix to about -18 dBFS RMS over its audible part and soft-limits peaks below full scale. */
    static short[] level(double[] mix) {
        double sum = 0;
        long n = 0;
        for (double x : mix) {
            if (Math.abs(x) > 1e-3) {
                sum += x * x;
                n++;
            }
        }
        double rms = n == 0 ? 0 : Math.sqrt(sum / n);
        double gain = rms == 0 ? 1 : 0.126 / rms;
        short[] out = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            double x = Math.tanh(mix[i] * gain * 1.1) / 1.1;
            out[i] = (short) Math.round(Math.max(-1, Math.min(1, x * 0.95)) * 32767);
        }
        return out;
    }

    private static double[] scale(double[] samples, double targetRms) {
        double sum = 0;
        for (double x : samples) {
            sum += x * x;
        }
        double rms = samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
        if (rms > 0) {
            double gain = targetRms / rms;
            for (int i = 0; i < samples.length; i++) {
                samples[i] *= gain;
            }
        }
        return samples;
    }
}
