package dev.campaignstudio.core.stage.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.TimedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenWordsTest {

    private static List<TimedText> said(String... words) {
        List<TimedText> timed = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            timed.add(new TimedText(words[i], i * 100L, i * 100L + 90));
        }
        return timed;
    }

    @Test
    void timedWordsTakeTheirWrittenCaseAndPunctuation() {
        List<TimedText> words = SpokenWords.asWritten(
                "I'm down. It works, doesn't it?", said("im", "down", "it", "works", "doesnt", "it"));
        assertThat(words).extracting(TimedText::text).containsExactly("I'm", "down.", "It", "works,", "doesn't", "it?");
        assertThat(words.get(4).startMs()).isEqualTo(400);
    }

    @Test
    void aNumberSaidAsSeveralWordsSpansThem() {
        List<TimedText> words =
                SpokenWords.asWritten("Cold for 24 hours.", said("cold", "for", "twenty", "four", "hours"));
        assertThat(words).extracting(TimedText::text).containsExactly("Cold", "for", "24", "hours.");
        assertThat(words.get(2).startMs()).isEqualTo(200);
        assertThat(words.get(2).endMs()).isEqualTo(390);
    }

    @Test
    void aSymbolTimedAsWrittenStaysAWordWhereverItFalls() {
        assertThat(SpokenWords.asWritten("Made by Kiln & Co.", said("Made", "by", "Kiln", "&", "Co.")))
                .extracting(TimedText::text)
                .containsExactly("Made", "by", "Kiln", "&", "Co.");
        List<TimedText> middle = SpokenWords.asWritten("Kiln & Co. mugs", said("Kiln", "&", "Co.", "mugs"));
        assertThat(middle).extracting(TimedText::text).containsExactly("Kiln", "&", "Co.", "mugs");
        assertThat(middle.get(2).startMs()).as("Co. keeps its own start").isEqualTo(200);
    }

    @Test
    void wordsThatDoNotMatchKeepTheirSpokenFormAndSymbolsAreSaidAsWords() {
        assertThat(SpokenWords.asWritten("Fresh — and cool & bright", said("fresh", "and", "cool", "and", "bright")))
                .extracting(TimedText::text)
                .containsExactly("Fresh", "and", "cool", "and", "bright");
        assertThat(SpokenWords.asWritten("Totally different", said("something", "else", "entirely")))
                .extracting(TimedText::text)
                .containsExactly("something", "else", "entirely");
    }
}
