package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.BriefRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.TimedText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UgcWriterTest {

    private static final ProductFacts FACTS = new ProductFacts(
            List.of(new PaletteColor("#14828c", 49, -28, -10, 0.8)),
            50,
            0.4,
            "drinkware",
            List.of("Aurora", "teal", "balanced"));
    private static final String LONG_NAME = "The Extraordinarily Long Product Name of the Anniversary Edition";

    private final UgcWriter writer = new UgcWriter();

    private Brief brief(String prompt, long seed) {
        return writer.interpret(new BriefRequest("Aurora Bottle", FACTS, prompt, "en", seed));
    }

    private UgcScript script(Brief brief, int shots, int seconds, long seed) {
        return writer.script(new UgcScriptRequest("Aurora Bottle", FACTS, brief, shots, seconds, "en", seed));
    }

    @Test
    void theSameSeedReadsTheSameBriefAndWritesTheSameScriptAndOtherSeedsVary() {
        String prompt = "A student showing it off in her dorm";
        assertThat(brief(prompt, 5)).isEqualTo(brief(prompt, 5));
        assertThat(script(brief(prompt, 5), 5, 20, 9)).isEqualTo(script(brief(prompt, 5), 5, 20, 9));
        assertThat(LongStream.range(0, 20)
                        .mapToObj(seed -> brief(prompt, seed))
                        .distinct()
                        .count())
                .isGreaterThan(5);
        Brief brief = brief(prompt, 5);
        assertThat(LongStream.range(0, 20)
                        .mapToObj(seed -> script(brief, 5, 20, seed))
                        .distinct()
                        .count())
                .isGreaterThan(10);
    }

    @ParameterizedTest
    @CsvSource({
        "Film it at the gym after a workout, gym, setting",
        "Someone in a sunny kitchen making breakfast, kitchen, setting",
        "Quick desk review at the office, office, setting",
        "Summer fun at the beach, beach, setting",
        "A student reviewing it honestly, student, persona",
        "A busy mom talking about her day, mom, persona",
        "A runner before her morning run, runner, persona",
        "Two moms comparing bags, mom, persona",
        "Students on campus, student, persona"
    })
    void aPersonOrPlaceThePromptNamesShowsInTheBrief(String prompt, String word, String field) {
        for (long seed = 0; seed < 8; seed++) {
            Brief brief = brief(prompt, seed);
            assertThat(field.equals("setting") ? brief.setting() : brief.persona())
                    .as("seed %d: %s", seed, brief)
                    .contains(word);
        }
        assertThat(brief("Show it off", 1).persona() + brief("Show it off", 1).setting())
                .doesNotContain(word);
    }

    @Test
    void aPersonAndAPlaceTogetherGiveThePersonaAndTheSetting() {
        for (long seed = 0; seed < 8; seed++) {
            Brief gym = brief("A student at the gym", seed);
            assertThat(gym.persona()).contains("student");
            assertThat(gym.setting()).contains("gym");
            Brief kitchen = brief("Kitchen chaos with a mom of three", seed);
            assertThat(kitchen.persona()).contains("mom");
            assertThat(kitchen.setting()).contains("kitchen");
        }
    }

    @Test
    void withoutCuesTheCategoryChoosesThePersonaAndAToneWordSetsTheTone() {
        ProductFacts serum = new ProductFacts(FACTS.palette(), 60, 0.3, "beauty", List.of());
        Brief brief = writer.interpret(new BriefRequest("Glow Serum", serum, "Launch it", "en", 3));
        assertThat(brief.persona()).containsAnyOf("skincare", "beauty");
        assertThat(brief("Make it funny at the gym", 2).tone()).isEqualTo("playful, casual");
        assertThat(brief("At the gym", 2).tone()).isEqualTo("energetic, casual");
        assertThat(brief("An honest review from a runner", 2).tone()).isEqualTo("honest, matter-of-fact");
    }

    @Test
    void theHookIsAtMostSixWordsWithNoPauseAndTheVoiceSaysItWithinTwoSeconds() throws Exception {
        Set<String> hooks = new LinkedHashSet<>();
        for (String name : List.of("Aurora Bottle", "Glow", LONG_NAME)) {
            for (String prompt :
                    List.of("gym", "school run with a mom", "holiday gift guide", "", "a student at the office")) {
                for (long seed = 0; seed < 12; seed++) {
                    hooks.add(writer.interpret(new BriefRequest(name, FACTS, prompt, "en", seed))
                            .hook());
                }
            }
        }
        assertThat(hooks).hasSizeGreaterThan(10).allSatisfy(hook -> {
            assertThat(UgcWriter.words(hook)).as(hook).isLessThanOrEqualTo(UgcWriter.HOOK_WORDS);
            assertThat(UgcWriter.syllables(hook)).as(hook).isLessThanOrEqualTo(UgcWriter.HOOK_SYLLABLES);
            assertThat(hook)
                    .as(hook)
                    .matches("[A-Z][^,;:]*[.?!]")
                    .doesNotContain("{")
                    .doesNotContain("Extraordinarily");
        });
        assertThat(hooks).anySatisfy(hook -> assertThat(hook).contains("Aurora Bottle"));
        assertThat(hooks).anySatisfy(hook -> assertThat(hook).contains("gym"));
        assertThat(UgcWriter.syllables("I can't stop using Aurora Bottle.")).isEqualTo(10);
        FreeTtsSpeech voice = new FreeTtsSpeech();
        for (String hook : hooks) {
            List<TimedText> words =
                    voice.speak(new SpeechRequest(hook, "default", "en")).words();
            assertThat(words.get(words.size() - 1).endMs() - words.get(0).startMs())
                    .as("%s, first word to last", hook)
                    .isLessThanOrEqualTo(2_000);
        }
    }

    @Test
    void theFirstShotSpeaksTheHookAndEveryKindOfShotIsThere() {
        Brief brief = brief("A runner at the beach", 4);
        for (int shots = 2; shots <= 8; shots++) {
            for (long seed = 0; seed < 6; seed++) {
                UgcScript script = script(brief, shots, 30, seed);
                List<ShotKind> kinds = script.shots().stream().map(Shot::kind).toList();
                assertThat(script.shots()).hasSize(shots);
                assertThat(script.shots())
                        .extracting(Shot::order)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, shots)
                                .boxed()
                                .toList());
                assertThat(kinds.get(0)).isEqualTo(ShotKind.TALKING);
                assertThat(script.shots().get(0).line()).startsWith(brief.hook());
                assertThat(kinds.get(shots - 1)).isEqualTo(ShotKind.PRESENTER_WITH_PRODUCT);
                if (shots >= 3) {
                    assertThat(kinds)
                            .as("%d shots", shots)
                            .contains(ShotKind.TALKING, ShotKind.PRODUCT_CLOSEUP, ShotKind.PRESENTER_WITH_PRODUCT);
                }
                for (int i = 1; i < shots; i++) {
                    assertThat(kinds.get(i))
                            .as("%d shots: shot %d follows a shot of another kind", shots, i + 1)
                            .isNotEqualTo(kinds.get(i - 1));
                }
                assertThat(script.shots()).allSatisfy(shot -> {
                    assertThat(shot.line())
                            .isNotBlank()
                            .doesNotContain("{")
                            .doesNotContain("}")
                            .doesNotContain("null");
                    assertThat(UgcWriter.words(shot.direction())).isGreaterThan(5);
                    assertThat(shot.direction()).doesNotContain("{");
                });
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 8", "3, 15", "4, 20", "5, 30", "6, 30", "8, 45", "8, 20", "3, 60", "8, 90"})
    void theLinesTakeAboutAsLongAsAsked(int shots, int seconds) {
        double target = seconds * UgcWriter.WORDS_PER_SECOND;
        for (long seed = 0; seed < 10; seed++) {
            UgcScript script = script(brief("gym", seed), shots, seconds, seed);
            int words = script.shots().stream()
                    .mapToInt(s -> UgcWriter.words(s.line()))
                    .sum();
            assertThat((double) words).as("seed %d: %s", seed, script).isBetween(target * 0.7, target * 1.3);
            List<String> sentences = script.shots().stream()
                    .flatMap(s -> List.of(s.line().split("(?<=[.?!])\\s+")).stream())
                    .toList();
            assertThat(sentences).as("no sentence twice").doesNotHaveDuplicates();
        }
    }

    @Test
    void theShotsFollowTheStoryboardSeedsInTurnAndTheLinesSayTheMetadataFacts() {
        Brief brief = new Brief(
                "a runner in her twenties", "upbeat, casual", "a sunny kitchen", "Meet my new summer favourite.");
        for (long seed = 0; seed < 5; seed++) {
            UgcScript morning = writer.script(new UgcScriptRequest(
                    "Aurora Bottle",
                    FACTS,
                    brief,
                    4,
                    30,
                    "en",
                    seed,
                    TemplateWritersTest.MORNING_AND_TRAIL,
                    TemplateWritersTest.DETAILS));
            // docs/modes.md: shot i takes seed i % n, and its next idea each time the seeds come round again
            assertThat(morning.shots())
                    .extracting(Shot::direction)
                    .satisfiesExactly(
                            d -> assertThat(d).endsWith("Shot idea: steam rising from Aurora on a windowsill."),
                            d -> assertThat(d).endsWith("Shot idea: Aurora clipped to a backpack on a ridge."),
                            d -> assertThat(d).endsWith("Shot idea: a hand grabbing Aurora on the way out."),
                            d -> assertThat(d).endsWith("Shot idea: Aurora clipped to a backpack on a ridge."));
            assertThat(morning.shots())
                    .extracting(Shot::line)
                    .satisfiesExactly(
                            l -> assertThat(l).as("the brief's hook opens").startsWith("Meet my new summer favourite."),
                            l -> assertThat(l).startsWith("Built for the trail and back."),
                            l -> assertThat(l).startsWith("Your mornings start with Aurora."),
                            l -> assertThat(l).startsWith("Built for the trail and back."));
            UgcScript colour = writer.script(new UgcScriptRequest(
                    "Aurora Bottle",
                    FACTS,
                    brief,
                    4,
                    30,
                    "en",
                    seed,
                    TemplateWritersTest.COLOUR_DETAIL_VALUE,
                    TemplateWritersTest.DETAILS));
            assertThat(colour.shots())
                    .extracting(Shot::line)
                    .satisfiesExactly(
                            l -> assertThat(l).startsWith("Meet my new summer favourite."),
                            l -> assertThat(l).startsWith("Every line is there on purpose."),
                            l -> assertThat(l).startsWith("So much bottle for so little."),
                            l -> assertThat(l).startsWith("Teal never looked this good."));
            assertThat(colour.shots().get(3).direction()).endsWith("Shot idea: Aurora on a teal backdrop.");
            UgcScript roomy = writer.script(new UgcScriptRequest(
                    "Aurora Bottle",
                    FACTS,
                    brief,
                    4,
                    45,
                    "en",
                    seed,
                    TemplateWritersTest.COLOUR_DETAIL_VALUE,
                    TemplateWritersTest.DETAILS));
            String all = roomy.shots().stream().map(Shot::line).collect(Collectors.joining(" "));
            assertThat(all)
                    .as("with room, the metadata's description and brand come first")
                    .contains("keeps drinks cold for 24 hours")
                    .contains("Aurora Labs");
        }
    }

    @Test
    void theLinesAreFirstPersonNameTheProductAndEndWithACallToAction() {
        for (long seed = 0; seed < 20; seed++) {
            UgcScript script = script(brief(seed % 2 == 0 ? "gym" : "", seed), 2 + (int) (seed % 7), 25, seed);
            String all = script.shots().stream().map(Shot::line).collect(Collectors.joining(" "));
            assertThat(all).as(all).containsPattern("\\b(I|I'm|I've|my|me)\\b").contains("Aurora Bottle");
            String last = script.shots().get(script.shots().size() - 1).line();
            String[] sentences = last.split("(?<=[.?!])\\s+");
            assertThat(sentences[sentences.length - 1]).as(last).containsPattern("(?i)\\b(get|grab|try|tap|shop)\\b");
            assertThat(script.shots().get(0).line().split("(?<=[.?!])\\s+")[0])
                    .doesNotContainPattern("(?i)\\b(grab|tap|link)\\b");
        }
    }
}
