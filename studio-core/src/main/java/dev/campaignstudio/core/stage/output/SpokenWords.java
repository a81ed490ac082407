package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.TimedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word timings put back into the words as written. A speech engine times the words it said, normalised (lower case,
 * no punctuation, {@code 24} said as {@code twenty four}); captions should show the text as written, so each timed word
 * takes the written word it matches, and a written word said as several (a number) spans them. A voice that times the
 * characters as written (ElevenLabs) gives symbols such as {@code &} as words of their own: they are kept as said.
 */
final class SpokenWords {

    /** Most spoken words one written word may expand to. */
    private static final int MAX_EXPANSION = 6;

    private SpokenWords() {}

    /** The timings of {@code spoken} carrying the words of {@code text}, in order. */
    static List<TimedText> asWritten(String text, List<TimedText> spoken) {
        List<String> written = new ArrayList<>(List.of(text.trim().split("\\s+")));
        written.removeIf(word -> norm(word).isEmpty());
        List<TimedText> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (j < spoken.size()) {
            TimedText said = spoken.get(j);
            if (norm(said.text()).isEmpty()) {
                // a voice that times characters as written says "&" as a word of its own: it is shown as said
                out.add(said);
                j++;
                continue;
            }
            if (i < written.size() && norm(written.get(i)).equals(norm(said.text()))) {
                out.add(new TimedText(written.get(i), said.startMs(), said.endMs()));
                i++;
                j++;
                continue;
            }
            int next = i + 1 < written.size() ? find(spoken, j + 1, norm(written.get(i + 1))) : -1;
            if (next > j) {
                out.add(new TimedText(
                        written.get(i), said.startMs(), spoken.get(next - 1).endMs()));
                i++;
                j = next;
                continue;
            }
            if (i < written.size() && i + 1 == written.size() && j == spoken.size() - 1) {
                out.add(new TimedText(written.get(i), said.startMs(), said.endMs()));
                i++;
                j++;
                continue;
            }
            out.add(said);
            j++;
        }
        return out;
    }

    private static int find(List<TimedText> spoken, int from, String word) {
        for (int k = from; k < Math.min(spoken.size(), from + MAX_EXPANSION); k++) {
            if (norm(spoken.get(k).text()).equals(word)) {
                return k;
            }
        }
        return -1;
    }

    private static String norm(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
