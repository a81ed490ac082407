package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.TimedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Word and sentence timings from a character alignment (one start and end time per character of the text, as ElevenLabs
 * answers): a word is a run of characters between white space, spoken from its first character's start to its last
 * character's end; a sentence ends after a word ending in {@code .}, {@code !} or {@code ?}. Words keep their
 * punctuation, as written, so captions show the text the way the local voice's captions do (docs/providers.md).
 */
final class AlignedWords {

    private AlignedWords() {}

    /**
     * The words and sentences of an alignment.
     *
     * @param characters the characters, in order
     * @param starts     seconds from the start of the audio, one per character
     * @param ends       likewise
     * @param totalMs    the audio's length; no timing runs past it
     * @return words and sentences, or empty lists when the arrays disagree in length
     */
    static Timings of(List<String> characters, List<Double> starts, List<Double> ends, long totalMs) {
        List<TimedText> words = new ArrayList<>();
        if (characters.size() != starts.size() || characters.size() != ends.size()) {
            return new Timings(List.of(), List.of());
        }
        StringBuilder word = new StringBuilder();
        double start = 0;
        double end = 0;
        for (int i = 0; i < characters.size(); i++) {
            String c = characters.get(i);
            if (c.isBlank()) {
                flush(word, start, end, totalMs, words);
                continue;
            }
            if (word.length() == 0) {
                start = starts.get(i);
            }
            word.append(c);
            end = Math.max(end, ends.get(i));
        }
        flush(word, start, end, totalMs, words);
        return new Timings(words, sentences(words));
    }

    private static void flush(StringBuilder word, double start, double end, long totalMs, List<TimedText> words) {
        if (word.length() == 0) {
            return;
        }
        long previousEnd = words.isEmpty() ? 0 : words.get(words.size() - 1).endMs();
        long s = Math.max(previousEnd, Math.min(totalMs, Math.round(start * 1000)));
        long e = Math.max(s, Math.min(totalMs, Math.round(end * 1000)));
        words.add(new TimedText(word.toString(), s, e));
        word.setLength(0);
    }

    private static List<TimedText> sentences(List<TimedText> words) {
        List<TimedText> sentences = new ArrayList<>();
        List<TimedText> current = new ArrayList<>();
        for (TimedText word : words) {
            current.add(word);
            if (word.text().matches(".*[.!?][\"')\\]]*$")) {
                sentences.add(join(current));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            sentences.add(join(current));
        }
        return sentences;
    }

    private static TimedText join(List<TimedText> words) {
        return new TimedText(
                String.join(" ", words.stream().map(TimedText::text).toList()),
                words.get(0).startMs(),
                words.get(words.size() - 1).endMs());
    }

    /**
     * Timings of one speech.
     *
     * @param words     each word as written, with its punctuation
     * @param sentences each sentence
     */
    record Timings(List<TimedText> words, List<TimedText> sentences) {}
}
