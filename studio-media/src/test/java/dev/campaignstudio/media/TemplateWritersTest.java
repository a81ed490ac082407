package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.contract.Style;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateWritersTest {

    private final TemplateWriters writers = new TemplateWriters();
    private final ProductFacts facts = new ProductFacts(
            List.of(new PaletteColor("#14828c", 49, -28, -10, 0.8)),
            50,
            0.4,
            "drinkware",
            List.of("Aurora", "teal", "balanced"));

    private Script script(long seed, int segments) {
        return writers.write(new ScriptRequest(
                "Aurora Bottle", facts, "Summer launch: beach vibes", null, segments, 30, "en", seed));
    }

    @Test
    void scriptsHaveAHookBenefitsProofAndACallToAction() {
        Script script = script(1, 5);
        assertThat(script.segments())
                .extracting(Segment::role)
                .containsExactly("hook", "benefit", "benefit", "proof", "call_to_action");
        assertThat(script.text()).contains("Aurora Bottle");
        assertThat(script.segments())
                .allSatisfy(s -> assertThat(s.text()).doesNotContain("%s").endsWith("."));
    }

    @Test
    void theSameSeedWritesTheSameScriptAndOthersVary() {
        assertThat(script(7, 4)).isEqualTo(script(7, 4));
        assertThat(java.util.stream.LongStream.range(0, 20)
                        .mapToObj(seed -> script(seed, 4).text())
                        .distinct()
                        .count())
                .isGreaterThan(5);
    }

    @Test
    void aWrittenScriptIsAsLongAsItsTargetTimeNeeds() {
        for (int seconds : new int[] {10, 30, 60}) {
            for (long seed = 0; seed < 5; seed++) {
                Script script = writers.write(
                        new ScriptRequest("Aurora Bottle", facts, "Summer launch", null, 4, seconds, "en", seed));
                int words = script.text().split("\\s+").length;
                assertThat(words)
                        .as("%d s, seed %d: %s", seconds, seed, script.text())
                        .isBetween((int) (seconds * TemplateWriters.WORDS_PER_SECOND * 0.7), (int)
                                (seconds * TemplateWriters.WORDS_PER_SECOND * 1.3));
                assertThat(script.segments()).hasSize(4);
                assertThat(script.text()).doesNotContain("%s");
            }
        }
    }

    /** Two storyboard seeds, as the identity's {@code storyboard_seeds} stage records them. */
    static final List<Concept> MORNING_AND_TRAIL = List.of(
            new Concept(
                    "Morning ritual",
                    "everyday ritual",
                    "Your mornings start with Aurora.",
                    List.of("steam rising from Aurora on a windowsill", "a hand grabbing Aurora on the way out"),
                    Style.SURFACE),
            new Concept(
                    "Trail ready",
                    "on the go",
                    "Built for the trail and back.",
                    List.of("Aurora clipped to a backpack on a ridge"),
                    Style.OUTDOOR));
    /** Three other seeds. */
    static final List<Concept> COLOUR_DETAIL_VALUE = List.of(
            new Concept(
                    "Colour pop",
                    "colour story",
                    "Teal never looked this good.",
                    List.of("Aurora on a teal backdrop"),
                    Style.GRADIENT),
            new Concept(
                    "Look closer",
                    "design detail",
                    "Every line is there on purpose.",
                    List.of("macro pan across the cap"),
                    Style.STUDIO),
            new Concept(
                    "Worth it",
                    "value",
                    "So much bottle for so little.",
                    List.of("a price tag beside Aurora"),
                    Style.GRADIENT));

    static final Map<String, String> DETAILS = Map.of(
            "brand",
            "Aurora Labs",
            "description",
            "Double-walled steel keeps drinks cold for 24 hours. Dishwasher safe.");

    private Script seeded(List<Concept> seeds, long seed) {
        return writers.write(
                new ScriptRequest("Aurora Bottle", facts, "Summer launch", null, 5, 30, "en", seed, seeds, DETAILS));
    }

    @Test
    void aScriptFollowsTheStoryboardSeedsInTurnAndSaysTheMetadataFacts() {
        for (long seed = 0; seed < 5; seed++) {
            // docs/modes.md: segment i takes seed i % n; every segment but the call to action opens with its hook
            assertThat(seeded(MORNING_AND_TRAIL, seed).segments().subList(0, 4))
                    .extracting(Segment::text)
                    .satisfiesExactly(
                            t -> assertThat(t).startsWith("Your mornings start with Aurora."),
                            t -> assertThat(t).startsWith("Built for the trail and back."),
                            t -> assertThat(t).startsWith("Your mornings start with Aurora."),
                            t -> assertThat(t).startsWith("Built for the trail and back."));
            assertThat(seeded(COLOUR_DETAIL_VALUE, seed).segments().subList(0, 4))
                    .extracting(Segment::text)
                    .satisfiesExactly(
                            t -> assertThat(t).startsWith("Teal never looked this good."),
                            t -> assertThat(t).startsWith("Every line is there on purpose."),
                            t -> assertThat(t).startsWith("So much bottle for so little."),
                            t -> assertThat(t).startsWith("Teal never looked this good."));
            Script script = seeded(COLOUR_DETAIL_VALUE, seed);
            assertThat(script.segments())
                    .extracting(Segment::role)
                    .containsExactly("hook", "benefit", "benefit", "proof", "call_to_action");
            assertThat(script.text())
                    .as("the metadata's description and brand")
                    .contains("keeps drinks cold for 24 hours")
                    .contains("Aurora Labs");
        }
        assertThat(seeded(MORNING_AND_TRAIL, 3).text()).doesNotContain("Teal never looked this good.");
    }

    @Test
    void aReadyScriptIsSegmentedNotRewritten() {
        Script script = writers.write(new ScriptRequest(
                "Aurora", facts, null, "Meet Aurora.\n\nCold for a day.\n\nGet yours.", 9, 30, "en", 1));
        assertThat(script.segments())
                .extracting(Segment::text)
                .containsExactly("Meet Aurora.", "Cold for a day.", "Get yours.");
        assertThat(TemplateWriters.segmented("One. Two! Three?").segments()).hasSize(3);
    }

    @Test
    void storyboardScenesFillTheRequestedLengthExactly() {
        Storyboard board =
                writers.plan(new StoryboardRequest("Aurora", facts, "Summer beach", 5, 15_000, Style.AUTO, 3));
        assertThat(board.scenes()).hasSize(5);
        assertThat(board.scenes().stream().mapToLong(Scene::durationMs).sum()).isEqualTo(15_000);
        assertThat(board.scenes()).extracting(Scene::order).containsExactly(1, 2, 3, 4, 5);
        long start = 0;
        for (Scene scene : board.scenes()) {
            assertThat(scene.startMs()).isEqualTo(start);
            start += scene.durationMs();
            assertThat(scene.style()).isNotEqualTo(Style.AUTO);
        }
        assertThat(board.scenes().get(4).text()).isEqualTo("Aurora");
        assertThat(writers.plan(new StoryboardRequest("Aurora", facts, null, 3, 9_000, Style.SURFACE, 3))
                        .scenes())
                .allSatisfy(s -> assertThat(s.style()).isEqualTo(Style.SURFACE));
    }

    @ParameterizedTest
    @CsvSource({
        "5, 15000, 500",
        "3, 10000, 469",
        "4, 9000, 750",
        "6, 7100, 333",
        "1, 2600, 500",
        "3, 1500, 500",
        "7, 30000, 1000"
    })
    void onABeatEverySceneStartsAndLastsWholeBeatsAndTheTotalIsTheNearestWholeBeat(
            int count, long durationMs, long beatMs) {
        for (long seed = 0; seed < 4; seed++) {
            Storyboard free = writers.plan(
                    new StoryboardRequest("Aurora", facts, "Summer beach", count, durationMs, Style.AUTO, seed));
            Storyboard beat = writers.plan(new StoryboardRequest(
                    "Aurora", facts, "Summer beach", count, durationMs, Style.AUTO, seed, beatMs));
            long beats = Math.max(count, Math.round((double) durationMs / beatMs));
            assertThat(beat.scenes()).hasSize(count);
            assertThat(beat.scenes().stream().mapToLong(Scene::durationMs).sum())
                    .isEqualTo(beats * beatMs);
            assertThat(Math.abs(beats * beatMs - durationMs)).isLessThanOrEqualTo(beatMs / 2);
            long start = 0;
            for (Scene scene : beat.scenes()) {
                assertThat(scene.startMs()).isEqualTo(start);
                assertThat(scene.startMs() % beatMs).isZero();
                assertThat(scene.durationMs() % beatMs).isZero();
                assertThat(scene.durationMs()).isGreaterThanOrEqualTo(beatMs);
                start += scene.durationMs();
            }
            LongSummaryStatistics lengths =
                    beat.scenes().stream().mapToLong(Scene::durationMs).summaryStatistics();
            assertThat(lengths.getMax() - lengths.getMin()).as("spread evenly").isLessThanOrEqualTo(beatMs);
            assertThat(beat.title()).isEqualTo(free.title());
            for (int i = 0; i < count; i++) {
                Scene a = free.scenes().get(i);
                Scene b = beat.scenes().get(i);
                assertThat(List.of(b.shot(), b.move(), String.valueOf(b.text()), b.style()))
                        .as("only the timing changes")
                        .isEqualTo(List.of(a.shot(), a.move(), String.valueOf(a.text()), a.style()));
            }
        }
    }

    @Test
    void freeTimingKeepsEqualSharesWithTheRemainderLast() {
        Storyboard free = writers.plan(new StoryboardRequest("Aurora", facts, null, 3, 10_000, Style.STUDIO, 2));
        assertThat(free)
                .isEqualTo(writers.plan(new StoryboardRequest("Aurora", facts, null, 3, 10_000, Style.STUDIO, 2, 0)));
        assertThat(free.scenes()).extracting(Scene::durationMs).containsExactly(3_333L, 3_333L, 3_334L);
        assertThat(TemplateWriters.durations(4, 10_000, 1_000)).containsExactly(2_000, 2_000, 3_000, 3_000);
        assertThat(TemplateWriters.durations(2, 1_249, 500))
                .as("2.498 beats round to 2")
                .containsExactly(500, 500);
        assertThat(TemplateWriters.durations(2, 1_250, 500))
                .as("2.5 beats round up to 3")
                .containsExactly(500, 1_000);
    }

    private List<Concept> concepts(Map<String, String> page, String prompt, int count, long seed) {
        return writers.concepts(new ConceptRequest("Aurora Bottle", facts, page, prompt, count, seed));
    }

    private static String text(Concept concept) {
        return String.join(" | ", concept.title(), concept.hook(), String.join(" | ", concept.sceneIdeas()));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void asManyConceptsAsAskedEachWithItsOwnAngle(int count) {
        List<Concept> concepts =
                concepts(Map.of("brand", "Aurora", "price", "$24"), "Summer launch: beach vibes", count, 11);
        assertThat(concepts).hasSize(count);
        assertThat(concepts.stream().map(Concept::angle).distinct()).hasSize(count);
        assertThat(concepts).allSatisfy(c -> {
            assertThat(c.sceneIdeas()).hasSizeBetween(2, 4);
            assertThat(c.title()).isNotBlank();
            assertThat(c.hook()).isNotBlank();
            assertThat(text(c)).doesNotContain("{").doesNotContain("}").doesNotContain("null");
            assertThat(c.style()).isNotEqualTo(Style.AUTO);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6, 7, 9, 10, 12})
    void anyCountUpToTwelveTakesEachAngleOnceBeforeAnyAgainAndKeepsTitlesDistinct(int count) {
        List<Map<String, String>> pages = List.of(
                Map.of(),
                Map.of("brand", "Aurora", "price", "$24"),
                Map.of("brand", "Northwind", "price", "$9", "description", "Keeps drinks cold for a full day."));
        for (Map<String, String> page : pages) {
            for (String prompt : new String[] {null, "Summer launch: beach vibes"}) {
                for (long seed = 0; seed < 6; seed++) {
                    List<Concept> concepts = concepts(page, prompt, count, seed);
                    int specific = (prompt == null ? 0 : 1) + page.size(); // each page fact here supports an angle
                    int angles = Math.min(count, Math.min(specific, count - 1) + 6);
                    String where = page + " / " + prompt + " / seed " + seed;
                    assertThat(concepts).as(where).hasSize(count);
                    assertThat(concepts.subList(0, angles).stream()
                                    .map(Concept::angle)
                                    .distinct())
                            .as(where)
                            .hasSize(angles);
                    assertThat(concepts.stream().map(Concept::angle).distinct())
                            .as(where)
                            .hasSize(angles);
                    assertThat(concepts.stream().map(Concept::title).distinct())
                            .as(where + ": titles")
                            .hasSize(count);
                    for (int i = angles; i < count; i++) {
                        Concept first = concepts.get(i - angles);
                        Concept again = concepts.get(i);
                        assertThat(again.angle()).as(where).isEqualTo(first.angle());
                        assertThat(again.sceneIdeas())
                                .as(where + ": other shots")
                                .isNotEqualTo(first.sceneIdeas());
                    }
                    assertThat(concepts).allSatisfy(c -> {
                        assertThat(c.sceneIdeas()).hasSizeBetween(2, 4);
                        assertThat(text(c))
                                .doesNotContain("{")
                                .doesNotContain("}")
                                .doesNotContain("null");
                        assertThat(c.hook()).matches("[A-Z].*[.?!]");
                    });
                }
            }
        }
    }

    @Test
    void theSameSeedProposesTheSameConceptsAndOtherSeedsOthers() {
        assertThat(concepts(Map.of(), "Summer beach", 4, 3)).isEqualTo(concepts(Map.of(), "Summer beach", 4, 3));
        assertThat(concepts(Map.of(), "Summer beach", 4, 4)).isNotEqualTo(concepts(Map.of(), "Summer beach", 4, 3));
        assertThat(java.util.stream.LongStream.range(0, 12)
                        .mapToObj(seed -> concepts(Map.of(), null, 3, seed))
                        .distinct()
                        .count())
                .isGreaterThan(8);
    }

    @Test
    void thePromptsWordsAreInEveryConceptsTitleOrHook() {
        List<Concept> concepts = concepts(Map.of(), "Summer launch: beach vibes", 5, 2);
        assertThat(concepts)
                .allSatisfy(c -> assertThat((c.title() + " " + c.hook()).toLowerCase())
                        .containsAnyOf("summer", "beach", "vibes"));
        assertThat(concepts.get(0).angle()).isEqualTo("campaign theme");
        assertThat(concepts.get(0).style()).as("a summer theme goes outdoors").isEqualTo(Style.OUTDOOR);
    }

    @Test
    void thePagesBrandAndClaimShowWhenThePageHasThem() {
        Map<String, String> page = Map.of(
                "brand",
                "Northwind Labs",
                "title",
                "Aurora Bottle | Northwind Store",
                "description",
                "Keeps drinks cold for a full day. Made from recycled steel.");
        List<Concept> concepts = concepts(page, null, 4, 5);
        assertThat(concepts.stream().map(TemplateWritersTest::text).collect(Collectors.joining()))
                .contains("Northwind Labs");
        assertThat(concepts).anySatisfy(c -> {
            assertThat(c.angle()).isEqualTo("the promise");
            assertThat(c.title()).isEqualTo("Aurora Bottle");
            assertThat(c.hook()).isEqualTo("Keeps drinks cold for a full day.");
        });
        assertThat(concepts(Map.of(), null, 5, 5).stream()
                        .map(TemplateWritersTest::text)
                        .collect(Collectors.joining()))
                .doesNotContain("Northwind");
    }

    @Test
    void thePriceIsMentionedOnlyWhenThePageHasOne() {
        List<Concept> priced = concepts(Map.of("price", "$24.00"), null, 3, 1);
        assertThat(priced).anySatisfy(c -> {
            assertThat(c.angle()).isEqualTo("value");
            assertThat(text(c)).contains("$24.00");
        });
        for (long seed = 0; seed < 20; seed++) {
            assertThat(concepts(Map.of("brand", "Aurora"), "Summer", 5, seed)).allSatisfy(c -> {
                assertThat(c.angle()).isNotEqualTo("value");
                assertThat(text(c).toLowerCase()).doesNotContain("price").doesNotContain("$");
            });
        }
    }

    @Test
    void withoutAPromptOrAPageTheConceptsStillReadWell() {
        List<Concept> concepts = concepts(Map.of(), null, 5, 9);
        assertThat(concepts).hasSize(5).allSatisfy(c -> {
            assertThat(text(c)).doesNotContain("{").doesNotContain("null");
            assertThat(c.hook()).matches("[A-Z].*[.?!]");
        });
        assertThat(concepts.stream().map(Concept::angle))
                .doesNotContain("campaign theme", "brand story", "value", "the promise");
        assertThat(concepts.stream().map(TemplateWritersTest::text).collect(Collectors.joining()))
                .contains("Aurora Bottle");
    }
}
