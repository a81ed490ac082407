package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.BriefRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.contract.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local writers' copy, checked against English rules written here (not taken from the writers): for each product
 * name of the table, how copy must say it (with "the" or not, singular or plural), then every script, storyboard,
 * concept and UGC text made for it, over seeds, prompts, scene counts and categories.
 */
class CopyGrammarTest {

    private static final Pattern ARTICLE = Pattern.compile("(?<![\\w'])([Aa]n?)\\s+([A-Za-z0-9][\\w'-]*)");
    private static final Pattern DOUBLE_ARTICLE = Pattern.compile("(?i)\\b(the|a|an)\\s+(the|a|an)\\b");
    private static final Set<String> DANGLING = Set.of(
            "the", "a", "an", "and", "or", "of", "in", "with", "for", "to", "that", "your", "my", "its", "their", "is",
            "are");
    private static final Set<String> SINGULAR_VERBS = Set.of(
            "is",
            "has",
            "was",
            "goes",
            "keeps",
            "looks",
            "fits",
            "does",
            "doesn't",
            "changes",
            "steps",
            "promises",
            "works",
            "feels",
            "lives",
            "makes",
            "tastes",
            "shines");
    private static final Set<String> PLURAL_VERBS = Set.of(
            "are", "have", "were", "go", "keep", "look", "fit", "do", "don't", "change", "step", "promise", "work",
            "feel", "live", "make", "taste", "shine");
    private static final Pattern IT_WORDS = Pattern.compile("(?i)\\b(it|its|it's|this is)\\b");
    private static final Pattern THEY_WORDS = Pattern.compile("(?i)\\b(they|them|their|they're|these are)\\b");
    private static final List<String> CATEGORIES =
            List.of("drinkware", "footwear", "apparel", "food", "electronics", "home", "beauty", "bags", "other");
    private static final List<PaletteColor> COLOURS = List.of(
            new PaletteColor("#d08030", 62, 20, 35, 0.7),
            new PaletteColor("#14828c", 49, -28, -10, 0.8),
            new PaletteColor("#f4f4f4", 92, 0, 1, 0.6));
    private static final List<String> PROMPTS = List.of(
            "",
            "Summer launch: beach vibes for runners",
            "an honest review in the kitchen, unboxing",
            "office essentials for autumn");

    private final TemplateWriters writers = new TemplateWriters();
    private final UgcWriter ugc = new UgcWriter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Rosso espresso cup                                   | the Rosso espresso cup          | false
            Aurora                                               | Aurora                          | false
            Aurora Water Bottle                                  | the Aurora Water Bottle         | false
            Trail Runner Sneakers                                | the Trail Runner Sneakers       | true
            wool socks                                           | the wool socks                  | true
            Oak desk lamp                                        | the Oak desk lamp               | false
            Adidas                                               | Adidas                          | false
            AirPods Pro                                          | AirPods Pro                     | false
            Ember ceramic mug                                    | the Ember ceramic mug           | false
            Umbra picture frames                                 | the Umbra picture frames        | true
            Reading glasses                                      | the Reading glasses             | true
            Canvas tote bag                                      | the Canvas tote bag             | false
            'Rosso Classic Double-Walled Insulated Stainless Steel Espresso Cup with Lid, 350 ml' | the Rosso Espresso Cup | false
            iPhone case                                          | the iPhone case                 | false
            Levi's 501 Jeans                                     | the Levi's 501 Jeans            | true
            The Ordinary Niacinamide Serum                       | The Ordinary Niacinamide Serum  | false
            Oura Ring                                            | the Oura Ring                   | false
            Evergreen                                            | Evergreen                       | false
            Ultra-light hiking backpack                          | the Ultra-light hiking backpack | false
            Kiwi & Lime Soap                                     | the Kiwi & Lime Soap            | false
            Nike Air Max 90                                      | Nike Air Max 90                 | false
            orange cold brew cans                                | the orange cold brew cans       | true
            Elixir hair oil                                      | the Elixir hair oil             | false
            Ultimate Ears Boom 3                                 | Ultimate Ears Boom 3            | false
            Aurora Bottle - 750 ml (teal)                        | the Aurora Bottle               | false
            Hourglass candle                                     | the Hourglass candle            | false
            """)
    void everyWriterSaysTheNameGrammatically(String name, String spoken, boolean plural) {
        Copy copy = new Copy();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            ProductFacts facts = new ProductFacts(
                    List.of(COLOURS.get(i % COLOURS.size())),
                    50,
                    0.5,
                    CATEGORIES.get(i),
                    List.of("Northwind", "teal", "balanced"));
            String prompt = PROMPTS.get(i % PROMPTS.size());
            write(copy, name, facts, prompt, i);
        }
        assertThat(copy.sentences).isNotEmpty();
        String base = spoken.startsWith("the ") ? spoken.substring(4) : spoken;
        boolean article = spoken.startsWith("the ");
        assertThat(String.join(" ", copy.sentences)).as("the name is said").containsIgnoringCase(base);
        for (String text : copy.sentences) {
            everyText(text, spoken, plural);
            sentences(text);
            nameArticle(text, base, article);
        }
        for (String text : copy.labels) {
            everyText(text, spoken, plural);
        }
    }

    private void write(Copy copy, String name, ProductFacts facts, String prompt, int variant) {
        for (int segments = 1; segments <= 6; segments++) {
            Script script = writers.write(new ScriptRequest(
                    name, facts, prompt, null, segments, 5 + segments * 4, "en", variant * 31L + segments));
            List<String> texts = script.segments().stream().map(Segment::text).toList();
            assertThat(texts).as("segments differ: %s", texts).doesNotHaveDuplicates();
            copy.sentences.addAll(texts);
        }
        for (int scenes : new int[] {2, 5, 12}) {
            Storyboard board = writers.plan(new StoryboardRequest(
                    name, facts, prompt, scenes, scenes * 3_000L, Style.AUTO, variant * 7L + scenes, 500));
            List<String> texts = board.scenes().stream().map(Scene::text).toList();
            assertThat(texts)
                    .as("every scene says something of its own: %s", texts)
                    .doesNotHaveDuplicates();
            copy.labels.addAll(texts);
            copy.labels.add(board.title());
            board.scenes().forEach(s -> copy.labels.add(s.shot()));
        }
        Map<String, String> page = variant % 2 == 0
                ? Map.of()
                : Map.of(
                        "brand",
                        "Northwind",
                        "price",
                        "EUR 34.90",
                        "title",
                        "Northwind goods | Shop",
                        "description",
                        "Crafted by hand in small batches from materials that"
                                + " we source ourselves from farms and mills we have visited, so that every piece lasts for years. More.");
        for (Concept concept : writers.concepts(new ConceptRequest(name, facts, page, prompt, 8, variant))) {
            copy.sentences.add(concept.hook());
            copy.labels.add(concept.title());
            copy.labels.addAll(concept.sceneIdeas());
        }
        String ugcPrompt = prompt.isEmpty() ? "a quick review" : prompt;
        Brief brief = ugc.interpret(new BriefRequest(name, facts, ugcPrompt, "en", variant));
        copy.sentences.add(brief.hook());
        for (int shots = 2; shots <= 6; shots += 2) {
            UgcScript script =
                    ugc.script(new UgcScriptRequest(name, facts, brief, shots, 8 + shots * 3, "en", variant + shots));
            for (Shot shot : script.shots()) {
                copy.sentences.add(shot.line());
                copy.labels.add(shot.direction());
            }
        }
    }

    /** Rules for any text: tokens filled, a/an by sound, no doubled article, pronouns and verbs agreeing with the name. */
    private static void everyText(String text, String spoken, boolean plural) {
        assertThat(text)
                .as("filled")
                .doesNotContain("{")
                .doesNotContain("}")
                .doesNotContain("%s")
                .doesNotContain("null");
        assertThat(text).as("not cut off").doesNotContain("\u2026").doesNotContain("...");
        Matcher article = ARTICLE.matcher(text);
        while (article.find()) {
            boolean an = article.group(1).equalsIgnoreCase("an");
            assertThat(an)
                    .as("'%s %s' in: %s", article.group(1), article.group(2), text)
                    .isEqualTo(vowelSound(article.group(2)));
        }
        assertThat(DOUBLE_ARTICLE.matcher(text).find())
                .as("doubled article in: %s", text)
                .isFalse();
        assertThat((plural ? IT_WORDS : THEY_WORDS).matcher(text).find())
                .as("%s product, pronoun in: %s", plural ? "a plural" : "a singular", text)
                .isFalse();
        Set<String> wrongVerbs = plural ? SINGULAR_VERBS : PLURAL_VERBS;
        List<String> subjects = new ArrayList<>(List.of(spoken.toLowerCase(Locale.ROOT)));
        subjects.add(plural ? "they" : "it");
        String lower = text.toLowerCase(Locale.ROOT);
        for (String subject : subjects) {
            Matcher next = Pattern.compile("(?<![\\w'])" + Pattern.quote(subject) + "\\s+([\\w']+)")
                    .matcher(lower);
            while (next.find()) {
                assertThat(wrongVerbs)
                        .as("'%s %s' in: %s", subject, next.group(1), text)
                        .doesNotContain(next.group(1));
            }
        }
    }

    /** Rules for spoken and written sentences: a capital first, a full stop (or ! or ?) last, no clause left open. */
    private static void sentences(String text) {
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            assertThat(sentence).as("a sentence ends: %s", text).matches("(?s).*[.!?]");
            String first = sentence.replaceAll("^[^\\p{L}]+", "");
            assertThat(Character.isUpperCase(first.charAt(0)))
                    .as("a capital starts: %s", sentence)
                    .isTrue();
            String[] words = sentence.replaceAll("[.!?]+$", "").trim().split("[\\s,:;]+");
            String last = words[words.length - 1].toLowerCase(Locale.ROOT);
            assertThat(DANGLING).as("'%s' ends a clause in: %s", last, sentence).doesNotContain(last);
        }
    }

    /** A common noun's name follows "the" everywhere in a sentence; a proper name never does. */
    private static void nameArticle(String text, String base, boolean article) {
        String lower = text.toLowerCase(Locale.ROOT);
        String name = base.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
            boolean preceded = at >= 4 && lower.startsWith("the ", at - 4);
            assertThat(preceded).as("'the' before %s in: %s", base, text).isEqualTo(article);
        }
    }

    /** Whether a word starts with a vowel sound: a vowel letter, except "uni-", "use", "one", "eu-"; a silent h; 8, 11, 18. */
    private static boolean vowelSound(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches("(uni|use|usu|one|once|eu|ewe).*")) {
            return false;
        }
        if (w.matches("(hour|honest|honor|honour|heir).*")) {
            return true;
        }
        if (Character.isDigit(w.charAt(0))) {
            return w.startsWith("8") || w.matches("1[18](\\D.*)?");
        }
        return "aeiou".indexOf(w.charAt(0)) >= 0;
    }

    private static final class Copy {
        final List<String> sentences = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
    }
}
