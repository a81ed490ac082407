package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.contract.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
