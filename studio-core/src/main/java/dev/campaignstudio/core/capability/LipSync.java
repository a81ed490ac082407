package dev.campaignstudio.core.capability;

import java.util.List;
import java.util.Objects;

/** The {@code lip_sync} capability: a presenter speaking the given speech. */
public interface LipSync {

    /**
     * Makes a talking-presenter clip.
     *
     * @param request the speech, the frame and the presenter's look
     * @return an MP4 with the speech as its audio, as long as the speech
     * @throws StepFault for provider faults
     */
    MediaFile animate(LipSyncRequest request) throws StepFault;

    /**
     * What to make.
     *
     * @param speech     the speech (WAV and word timings)
     * @param width      frame width (even)
     * @param height     frame height (even)
     * @param fps        frames per second
     * @param palette    colours to dress the scene in, as {@code #rrggbb}
     * @param seed       the same seed makes the same presenter
     * @param productPng the product on transparency, which the presenter holds up beside them, or {@code null} for none
     */
    record LipSyncRequest(
            SpeechSynthesis.Speech speech,
            int width,
            int height,
            int fps,
            List<String> palette,
            long seed,
            byte[] productPng) {
        public LipSyncRequest {
            Objects.requireNonNull(speech, "speech");
            palette = palette == null ? List.of() : List.copyOf(palette);
        }

        /** A presenter alone. */
        public LipSyncRequest(
                SpeechSynthesis.Speech speech, int width, int height, int fps, List<String> palette, long seed) {
            this(speech, width, height, fps, palette, seed, null);
        }
    }
}
