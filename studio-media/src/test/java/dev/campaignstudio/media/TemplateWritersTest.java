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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateWritersTest {

    private final TemplateWriters writers = new TemplateWriters();
    private final ProductFacts facts = new ProductFacts(List.of(new PaletteColor("#14828c", 49, -28, -10, 0.8)), 50, 0.4, "drinkware",
            List.of("Aurora", "teal", "balanced"));

    private Script script(long seed, int segments) {
        return writers.write(new ScriptRequest("Aurora Bottle", facts, "Summer launch: beach vibes", null, segments, 30, "en", seed));
    }

    @Test
    void scriptsHaveAHookBenefitsProofAndACallToAction() {
        Script script = script(1, 5);
        assertThat(script.segments()).extracting(Segment::role).containsExactly("hook", "benefit", "benefit", "proof", "call_to_action");
        assertThat(script.text()).contains("Aurora Bottle");
        assertThat(script.segments()).allSatisfy(s -> assertThat(s.text()).doesNotContain("%s").endsWith("."));
    }

    @Test
    void theSameSeedWritesTheSameScriptAndOthersVary() {
        assertThat(script(7, 4)).isEqualTo(script(7, 4));
        assertThat(java.util.stream.LongStream.range(0, 20).mapToObj(seed -> script(seed, 4).text()).distinct().count()).isGreaterThan(5);
    }

    @Test
    void aReadyScriptIsSegmentedNotRewritten() {
        Script script = writers.write(new ScriptRequest("Aurora", facts, null, "Meet Aurora.\n\nCold for a day.\n\nGet yours.", 9, 30, "en", 1));
        assertThat(script.segments()).extracting(Segment::text).containsExactly("Meet Aurora.", "Cold for a day.", "Get yours.");
        assertThat(TemplateWriters.segmented("One. Two! Three?").segments()).hasSize(3);
    }

    @Test
    void storyboardScenesFillTheRequestedLengthExactly() {
        Storyboard board = writers.plan(new StoryboardRequest("Aurora", facts, "Summer beach", 5, 15_000, Style.AUTO, 3));
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
        assertThat(writers.plan(new StoryboardRequest("Aurora", facts, null, 3, 9_000, Style.SURFACE, 3)).scenes())
                .allSatisfy(s -> assertThat(s.style()).isEqualTo(Style.SURFACE));
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
        List<Concept> concepts = concepts(Map.of("brand", "Aurora", "price", "$24"), "Summer launch: beach vibes", count, 11);
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

    @Test
    void theSameSeedProposesTheSameConceptsAndOtherSeedsOthers() {
        assertThat(concepts(Map.of(), "Summer beach", 4, 3)).isEqualTo(concepts(Map.of(), "Summer beach", 4, 3));
        assertThat(concepts(Map.of(), "Summer beach", 4, 4)).isNotEqualTo(concepts(Map.of(), "Summer beach", 4, 3));
        assertThat(java.util.stream.LongStream.range(0, 12).mapToObj(seed -> concepts(Map.of(), null, 3, seed)).distinct().count())
                .isGreaterThan(8);
    }

    @Test
    void thePromptsWordsAreInEveryConceptsTitleOrHook() {
        List<Concept> concepts = concepts(Map.of(), "Summer launch: beach vibes", 5, 2);
        assertThat(concepts).allSatisfy(c -> assertThat((c.title() + " " + c.hook()).toLowerCase())
                .containsAnyOf("summer", "beach", "vibes"));
        assertThat(concepts.get(0).angle()).isEqualTo("campaign theme");
        assertThat(concepts.get(0).style()).as("a summer theme goes outdoors").isEqualTo(Style.OUTDOOR);
    }

    @Test
    void thePagesBrandAndClaimShowWhenThePageHasThem() {
        Map<String, String> page = Map.of("brand", "Northwind Labs", "title", "Aurora Bottle | Northwind Store",
                "description", "Keeps drinks cold for a full day. Made from recycled steel.");
        List<Concept> concepts = concepts(page, null, 4, 5);
        assertThat(concepts.stream().map(TemplateWritersTest::text).collect(Collectors.joining())).contains("Northwind Labs");
        assertThat(concepts).anySatisfy(c -> {
            assertThat(c.angle()).isEqualTo("the promise");
            assertThat(c.title()).isEqualTo("Aurora Bottle");
            assertThat(c.hook()).isEqualTo("Keeps drinks cold for a full day.");
        });
        assertThat(concepts(Map.of(), null, 5, 5).stream().map(TemplateWritersTest::text).collect(Collectors.joining()))
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
        assertThat(concepts.stream().map(Concept::angle)).doesNotContain("campaign theme", "brand story", "value", "the promise");
        assertThat(concepts.stream().map(TemplateWritersTest::text).collect(Collectors.joining())).contains("Aurora Bottle");
    }
}
