package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.TimedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionsTest {

    @Test
    void boldPhrasesHoldAtMostThreeWordsAndEndAtPunctuation() {
        assertThat(Captions.phrases("Okay, you need to see this bottle. It stays cold all day"))
                .containsExactly("Okay,", "you need to", "see this bottle.", "It stays cold", "all day");
        assertThat(Captions.phrases("Unbelievably-refreshing hydration"))
                .containsExactly("Unbelievably-refreshing", "hydration");
    }

    @Test
    void eachBoldPhraseHoldsForItsShareOfTheLetters() {
        TimedText caption = new TimedText("Cold all day, every day", 1_000, 2_000);
        assertThat(Captions.phraseAt(caption, 1_000)).isEqualTo("Cold all day,");
        assertThat(Captions.phraseAt(caption, 1_570)).isEqualTo("Cold all day,");
        assertThat(Captions.phraseAt(caption, 1_600)).isEqualTo("every day");
        assertThat(Captions.phraseAt(caption, 1_999)).isEqualTo("every day");
        assertThat(Captions.phrases(" ")).isEqualTo(List.of(""));
    }
}
