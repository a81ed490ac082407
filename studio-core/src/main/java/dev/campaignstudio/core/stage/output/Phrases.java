package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.TimedText;
import java.util.ArrayList;
import java.util.List;

/** Word timings grouped into caption phrases: a few words at a time, broken at punctuation and pauses. */
final class Phrases {

    /** A pause between words longer than this starts a new phrase. */
    static final long PAUSE_MS = 350;

    private Phrases() {}

    /**
     * Groups {@code words} (in order) into phrases of at most {@code maxWords}, each shown from its first word's start
     * to its last word's end.
     */
    static List<TimedText> of(List<TimedText> words, int maxWords) {
        List<TimedText> phrases = new ArrayList<>();
        List<TimedText> current = new ArrayList<>();
        for (TimedText word : words) {
            if (!current.isEmpty()
                    && word.startMs() - current.get(current.size() - 1).endMs() > PAUSE_MS) {
                flush(current, phrases);
            }
            current.add(word);
            if (current.size() >= maxWords || word.text().matches(".*[.,!?;:]$")) {
                flush(current, phrases);
            }
        }
        flush(current, phrases);
        return phrases;
    }

    private static void flush(List<TimedText> current, List<TimedText> phrases) {
        if (current.isEmpty()) {
            return;
        }
        String text = String.join(" ", current.stream().map(TimedText::text).toList());
        phrases.add(new TimedText(
                text, current.get(0).startMs(), current.get(current.size() - 1).endMs()));
        current.clear();
    }
}
