package dev.campaignstudio.core.capability;

import java.util.Objects;

/**
 * Text with the stretch of time it is spoken or shown in.
 *
 * @param text    the words
 * @param startMs start, from the start of the audio or video
 * @param endMs   end, after {@code startMs}
 */
public record TimedText(String text, long startMs, long endMs) {

    public TimedText {
        Objects.requireNonNull(text, "text");
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("a timed text starts at 0 or later and ends after it starts");
        }
    }
}
