package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TimedText;
import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class FreeTtsSpeechTest {

    private final FreeTtsSpeech speech = new FreeTtsSpeech();

    @Test
    void speaksToAWavWithWordAndSentenceTimingsInsideIt() throws Exception {
        Speech spoken = speech.speak(
                new SpeechRequest("Meet Aurora. It keeps your water cold for twenty four hours.", "default", "en"));
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(spoken.wav().data()))) {
            double seconds = wav.getFrameLength() / wav.getFormat().getFrameRate();
            assertThat(wav.getFormat().getChannels()).isEqualTo(1);
            assertThat(seconds).isBetween(2.0, 8.0);
            assertThat(spoken.wav().durationMs()).isEqualTo(Math.round(seconds * 1000));
        }
        assertThat(spoken.words())
                .extracting(TimedText::text)
                .containsExactly(
                        "meet", "aurora", "it", "keeps", "your", "water", "cold", "for", "twenty", "four", "hours");
        long previousEnd = 0;
        for (TimedText word : spoken.words()) {
            assertThat(word.startMs()).isGreaterThanOrEqualTo(previousEnd - 1);
            assertThat(word.endMs())
                    .isGreaterThan(word.startMs())
                    .isLessThanOrEqualTo(spoken.wav().durationMs());
            previousEnd = word.endMs();
        }
        assertThat(spoken.sentences()).hasSize(2);
        assertThat(spoken.sentences().get(1).startMs())
                .isGreaterThan(spoken.sentences().get(0).endMs());
    }

    @Test
    void theSameTextSoundsTheSame() throws Exception {
        SpeechRequest request = new SpeechRequest("Stay cool.", "kevin16", "en-US");
        assertThat(speech.speak(request).wav().data())
                .isEqualTo(speech.speak(request).wav().data());
    }

    @Test
    void unknownVoicesAndLanguagesAreRefused() {
        assertThatThrownBy(() -> speech.speak(new SpeechRequest("Hi.", "morgan", "en")))
                .isInstanceOfSatisfying(
                        StepFault.class, f -> assertThat(f.code()).isEqualTo("INPUT_INVALID"));
        assertThatThrownBy(() -> speech.speak(new SpeechRequest("Hola.", "default", "es")))
                .isInstanceOfSatisfying(
                        StepFault.class, f -> assertThat(f.retryable()).isFalse());
    }
}
