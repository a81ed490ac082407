package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each clip and the end card sit on the output's frame timeline. Clip {@code c} starts at the sum of the earlier
 * clips' lengths less their transitions and lasts its own length; times are rounded to frames only at the edges, so the
 * whole lasts {@link StitchRequest#durationMs()} to within one frame however the transition and lengths fall.
 *
 * @param clips        each clip's place, in order
 * @param endCardStart the first frame of the end card (equal to {@code frames} without one)
 * @param frames       frames in the output
 * @param totalMs      the output's intended length
 * @param fps          output frame rate
 */
record StitchPlan(List<Span> clips, int endCardStart, int frames, long totalMs, int fps) {

    StitchPlan {
        clips = List.copyOf(clips);
    }

    /**
     * A clip's frames on the output's timeline.
     *
     * @param start     its first output frame
     * @param length    how many output frames it covers
     * @param overlapIn how many of its first frames crossfade from the clip before
     */
    record Span(int start, int length, int overlapIn) {

        int end() {
            return start + length;
        }

        boolean covers(int frame) {
            return frame >= start && frame < end();
        }

        /** How much of this clip shows over the clips before at {@code frame}: rises through the overlap, then 1. */
        double opacity(int frame) {
            int index = frame - start;
            return index >= overlapIn ? 1 : (index + 1) / (double) (overlapIn + 1);
        }
    }

    static StitchPlan of(StitchRequest request) {
        int fps = request.fps();
        List<Span> spans = new ArrayList<>();
        long startMs = 0;
        int previousEnd = 0;
        for (MediaFile clip : request.clips()) {
            long lengthMs = lengthMs(clip);
            int start = frame(startMs, fps);
            int end = Math.max(start, frame(startMs + lengthMs, fps));
            spans.add(new Span(
                    start, end - start, spans.isEmpty() ? 0 : Math.max(0, Math.min(end, previousEnd) - start)));
            previousEnd = end;
            startMs += lengthMs - request.transitionMs();
        }
        long clipsMs = startMs + request.transitionMs();
        long totalMs = Math.max(0, clipsMs) + (request.endCard() == null ? 0 : request.endCardMs());
        int frames = Math.max(1, frame(totalMs, fps));
        return new StitchPlan(spans, Math.min(frames, Math.max(0, frame(clipsMs, fps))), frames, totalMs, fps);
    }

    /** A clip's length as stated, or as its container says when it does not state one. */
    private static long lengthMs(MediaFile clip) {
        return clip.durationMs() != null ? clip.durationMs() : Mp4Reader.durationMs(clip);
    }

    private static int frame(long ms, int fps) {
        return (int) Math.round(ms * fps / 1000.0);
    }

    /** The first sample of {@code frame} at {@code rate}. */
    long sample(int frame, int rate) {
        return Math.round(frame * (double) rate / fps);
    }
}
