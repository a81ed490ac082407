package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How good a UGC script variant is, 0 to 1 (docs/modes.md, "ugc"): 40 % how close its word count is to what the
 * target length takes at {@value #WORDS_PER_SECOND} words a second, 25 % whether the product is named in the first two
 * shots, 20 % whether the opening sentence (the hook) is at most {@value #HOOK_WORDS} words, 15 % how few sentences it
 * repeats. The best variant is the video's; the others stay in the step's outputs.
 *
 * @param score   the weighted sum
 * @param fit     1 at the target word count, falling by the share it is off, 0 at twice or none
 * @param named   1 when a shot of the first two names the product (its name's last word), else 0
 * @param hook    1 when the first sentence is short enough to say in about two seconds, else 0
 * @param variety distinct sentences over all sentences
 */
record UgcScriptScore(double score, double fit, double named, double hook, double variety) {

    /** A natural speaking pace for a selfie video. */
    static final double WORDS_PER_SECOND = 2.5;
    /** The most words of a hook that lands in about two seconds. */
    static final int HOOK_WORDS = 8;

    static UgcScriptScore of(UgcScript script, String productName, int targetSeconds) {
        List<String> sentences = new ArrayList<>();
        int words = 0;
        for (Shot shot : script.shots()) {
            for (String sentence : shot.line().trim().split("(?<=[.!?])\\s+")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.toLowerCase(Locale.ROOT));
                }
            }
            words += shot.line().trim().isEmpty() ? 0 : shot.line().trim().split("\\s+").length;
        }
        double target = Math.max(1, targetSeconds * WORDS_PER_SECOND);
        double fit = Math.max(0, 1 - Math.abs(words / target - 1));
        String[] nameWords = productName.trim().toLowerCase(Locale.ROOT).split("\\s+");
        String head = nameWords[nameWords.length - 1];
        boolean named = script.shots().stream()
                .limit(2)
                .anyMatch(s -> s.line().toLowerCase(Locale.ROOT).contains(head));
        boolean hook = !sentences.isEmpty() && sentences.get(0).split("\\s+").length <= HOOK_WORDS;
        Set<String> distinct = new HashSet<>(sentences);
        double variety = sentences.isEmpty() ? 0 : distinct.size() / (double) sentences.size();
        double score = 0.4 * fit + 0.25 * (named ? 1 : 0) + 0.2 * (hook ? 1 : 0) + 0.15 * variety;
        return new UgcScriptScore(round(score), round(fit), named ? 1 : 0, hook ? 1 : 0, round(variety));
    }

    /** As the step's outputs list it. */
    Map<String, Object> parts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("fit", fit);
        parts.put("named", named);
        parts.put("hook", hook);
        parts.put("variety", variety);
        return parts;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
