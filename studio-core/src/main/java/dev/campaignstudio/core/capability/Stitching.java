package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.engine.StepFault;
import java.util.List;
import java.util.Objects;

/** The {@code stitch} capability: clips, voice, music and captions into one video. */
public interface Stitching {

    /**
     * Assembles a video.
     *
     * @param request clips in order, the voice-over, captions and the finishing touches
     * @return an H.264 + AAC MP4
     * @throws StepFault for provider faults
     */
    MediaFile stitch(StitchRequest request) throws StepFault;

    /**
     * What to assemble.
     *
     * @param clips        MP4 clips in order
     * @param width        output width (even)
     * @param height       output height (even)
     * @param fps          output frame rate
     * @param transitionMs crossfade between clips (0 for hard cuts)
     * @param voiceOver    a WAV laid over the video, or {@code null}
     * @param captions     text burned in at its times
     * @param musicBed     whether to generate music under it
     * @param endCard      text of a closing card, or {@code null}
     * @param endCardMs    length of the closing card
     * @param seed         the same seed makes the same music
     */
    record StitchRequest(List<MediaFile> clips, int width, int height, int fps, long transitionMs, MediaFile voiceOver,
            List<TimedText> captions, boolean musicBed, String endCard, long endCardMs, long seed) {
        public StitchRequest {
            clips = List.copyOf(clips);
            captions = captions == null ? List.of() : List.copyOf(captions);
            if (clips.isEmpty()) {
                throw new IllegalArgumentException("stitching needs at least one clip");
            }
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("video frames are even-sized");
            }
            Objects.requireNonNull(clips.get(0), "clip");
        }
    }
}
