package dev.campaignstudio.core.capability;

import java.util.List;
import java.util.Objects;

/** The {@code audio} capability: speech from text, with timings. */
public interface SpeechSynthesis {

    /**
     * Speaks text.
     *
     * @param request what to say, in which voice and language
     * @return a WAV with sentence and word timings inside it
     * @throws StepFault for provider faults, or {@code INPUT_INVALID} for a voice that does not exist
     */
    Speech speak(SpeechRequest request) throws StepFault;

    /**
     * What to say.
     *
     * @param text     the words
     * @param voice    voice name ({@code default} picks the adapter's)
     * @param language language tag
     */
    record SpeechRequest(String text, String voice, String language) {
        public SpeechRequest {
            Objects.requireNonNull(text, "text");
            voice = voice == null ? "default" : voice;
            language = language == null ? "en" : language;
        }
    }

    /**
     * Spoken audio.
     *
     * @param wav       PCM WAV
     * @param sentences when each sentence is spoken
     * @param words     when each word is spoken
     */
    record Speech(MediaFile wav, List<TimedText> sentences, List<TimedText> words) {
        public Speech {
            Objects.requireNonNull(wav, "wav");
            sentences = List.copyOf(sentences);
            words = List.copyOf(words);
        }
    }
}
