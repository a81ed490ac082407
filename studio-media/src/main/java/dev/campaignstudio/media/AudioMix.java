package dev.campaignstudio.media;

import java.util.SplittableRandom;

/** A generated music bed, voice-over mixing with ducking, and loudness levelling, all at {@link Mp4Writer#SAMPLE_RATE}. */
final class AudioMix {

    private static final int RATE = Mp4Writer.SAMPLE_RATE;
    private static final double[][] PROGRESSIONS = {
        {0, 7, 9, 5}, {0, 5, 7, 5}, {9, 5, 0, 7}, {0, 9, 5, 7}};

    private AudioMix() {
    }

    /**
     * A gentle pad-and-beat bed in a seeded key and tempo.
     *
     * @param samples length in samples
     * @return samples around -26 dBFS RMS, so the voice sits well above
     */
    static double[] musicBed(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double bpm = 96 + random.nextInt(17);
        double beat = 60.0 / bpm;
        double root = 196.0 * Math.pow(2, random.nextInt(7) / 12.0);
        double[] progression = PROGRESSIONS[random.nextInt(PROGRESSIONS.length)];
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
            double kick = Math.sin(2 * Math.PI * (55 + 60 * Math.exp(-inBeat * 30)) * inBeat) * Math.exp(-inBeat * 9) * 0.35;
            double offBeat = (t + beat / 2) % beat;
            double hat = (random.nextDouble() * 2 - 1) * Math.exp(-offBeat * 60) * 0.05;
            out[i] = pad + kick + hat;
        }
        return scale(out, 0.05);
    }

    /** Beat times of the bed made by {@link #musicBed} with the same seed, in milliseconds. */
    static long beatMs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Math.round(60_000.0 / (96 + random.nextInt(17)));
    }

    /** Adds {@code voice} to {@code music}, lowering the music where the voice speaks, then levels and limits the mix. */
    static short[] mix(double[] music, short[] voice, int samples) {
        double[] mix = new double[samples];
        double[] envelope = envelope(voice, samples);
        for (int i = 0; i < samples; i++) {
            double duck = 1 - 0.6 * envelope[i];
            double m = music == null || i >= music.length ? 0 : music[i] * duck;
            double v = voice == null || i >= voice.length ? 0 : voice[i] / 32768.0;
            mix[i] = m + v;
        }
        return level(mix);
    }

    /** The voice's loudness envelope (0-1), smoothed over about 80 ms. */
    private static double[] envelope(short[] voice, int samples) {
        double[] envelope = new double[samples];
        if (voice == null) {
            return envelope;
        }
        double level = 0;
        double attack = Math.exp(-1.0 / (RATE * 0.01));
        double release = Math.exp(-1.0 / (RATE * 0.25));
        for (int i = 0; i < samples; i++) {
            double x = i < voice.length ? Math.abs(voice[i] / 32768.0) : 0;
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
