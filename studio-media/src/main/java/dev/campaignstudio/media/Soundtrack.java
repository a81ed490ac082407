package dev.campaignstudio.media;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;

/**
 * The stitched video's one audio track: the voice-over from the start, each clip's own sound at its place when asked
 * (crossfading as its picture does, cut to its length; a clip without sound is silence), and the generated music bed
 * under both, ducking under whichever speaks; then levelled and limited.
 */
final class Soundtrack {

    private static final int RATE = Mp4Writer.SAMPLE_RATE;

    private Soundtrack() {}

    /** The track for {@code plan}, with a second of headroom past its end. */
    static short[] of(StitchRequest request, StitchPlan plan) {
        int samples = (int) (plan.totalMs() * RATE / 1000) + RATE;
        double[] speech = request.voiceOver() == null
                ? null
                : fitted(AudioMix.unit(Wav.resample(Wav.read(request.voiceOver().data()), RATE)), samples);
        if (request.clipAudio()) {
            speech = speech == null ? new double[samples] : speech;
            for (int c = 0; c < request.clips().size(); c++) {
                place(Mp4Reader.audio(request.clips().get(c)), plan, c, speech);
            }
        }
        double[] music = request.musicBed() ? AudioMix.musicBed(samples, request.seed(), request.musicBpm()) : null;
        return music == null && speech == null ? new short[samples] : AudioMix.mix(music, speech, samples);
    }

    /** Adds clip {@code c}'s sound over its span, faded in over its incoming overlap and out over its outgoing one. */
    private static void place(short[] sound, StitchPlan plan, int c, double[] track) {
        StitchPlan.Span span = plan.clips().get(c);
        StitchPlan.Span next = c + 1 < plan.clips().size() ? plan.clips().get(c + 1) : null;
        long start = plan.sample(span.start(), RATE);
        long end = Math.min(track.length, plan.sample(span.end(), RATE));
        long fadeInEnd = plan.sample(span.start() + span.overlapIn(), RATE);
        long fadeOutStart = next == null ? end : plan.sample(next.start(), RATE);
        for (long i = start; i < end && i - start < sound.length; i++) {
            double gain = 1;
            if (i < fadeInEnd) {
                gain *= (i - start + 1) / (double) (fadeInEnd - start + 1);
            }
            if (i >= fadeOutStart) {
                gain *= 1 - (i - fadeOutStart + 1) / (double) (end - fadeOutStart + 1);
            }
            track[(int) i] += sound[(int) (i - start)] / 32768.0 * gain;
        }
    }

    private static double[] fitted(double[] samples, int length) {
        double[] out = new double[length];
        System.arraycopy(samples, 0, out, 0, Math.min(length, samples.length));
        return out;
    }
}
