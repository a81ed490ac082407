package dev.campaignstudio.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.WorkQueue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a step's outputs by key: values of any JSON number type, and errors that name the stage and the key. */
class StageOutputsTest {

    @Test
    void numbersReadWhateverTypeTheJsonReaderGaveThem() {
        StageOutputs outputs = StageOutputs.of("voiceover", Map.of("a", 1500, "b", 1500L, "c", new BigDecimal("0.75")));

        assertThat(outputs.whole("a")).isEqualTo(1500L);
        assertThat(outputs.integer("b")).isEqualTo(1500);
        assertThat(outputs.real("c")).isEqualTo(0.75);
    }

    @Test
    void aMissingKeyNamesTheStageAndTheKey() {
        StageOutputs outputs = StageOutputs.of("voiceover (scene 2)", Map.of("audio", "01J0AUDIO"));

        assertThatThrownBy(() -> outputs.whole("duration_ms"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage voiceover (scene 2) has no output duration_ms");
    }

    @Test
    void aValueOfAnotherTypeNamesTheKeyAndWhatItHolds() {
        StageOutputs outputs = StageOutputs.of("segment_video", Map.of("duration_ms", "long", "clip", List.of("x")));

        assertThatThrownBy(() -> outputs.whole("duration_ms"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage segment_video output duration_ms is not a number but 'long'");
        assertThatThrownBy(() -> outputs.text("clip"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage segment_video output clip is not a string but a list");
    }

    @Test
    void aNestedKeyIsNamedByItsPath() {
        StageOutputs outputs = StageOutputs.of(
                "scene_image (scene 3)",
                Map.of("images", List.of(Map.of("image", "01J0IMAGE", "product_box", Map.of("x", 4)))));

        StageOutputs box = outputs.objects("images").get(0).object("product_box");

        assertThat(box.integer("x")).isEqualTo(4);
        assertThatThrownBy(() -> box.integer("y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage scene_image (scene 3) has no output images[0].product_box.y");
    }

    @Test
    void aListItemThatIsNoObjectIsNamedByItsIndex() {
        StageOutputs outputs = StageOutputs.of("script", Map.of("segments", List.of(Map.of("text", "Hi."), "oops")));

        assertThatThrownBy(() -> outputs.objects("segments"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage script output segments[1] is not an object but 'oops'");
    }

    @Test
    void aWireSpellingOutsideTheEnumNamesTheKeyAndTheSpellings() {
        StageOutputs outputs = StageOutputs.of("segment_image", Map.of("presentation", "floating"));

        assertThatThrownBy(() -> outputs.wire("presentation", Presentation.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stage segment_image output presentation is 'floating', not one of ")
                .hasMessageContaining("product_only");
    }

    @Test
    void optionalReadsGiveTheirFallbackOnlyWhenTheKeyIsAbsent() {
        StageOutputs outputs = StageOutputs.of("metadata", Map.of("keywords", List.of("steel", 2), "brand", 7));

        assertThat(outputs.textsOrNone("keywords")).containsExactly("steel", "2");
        assertThat(outputs.textsOrNone("colors")).isEmpty();
        assertThat(outputs.objectsOrNone("palette")).isEmpty();
        assertThat(outputs.textOrNull("brand")).isEqualTo("7");
        assertThat(outputs.textOrNull("description")).isNull();
        assertThat(outputs.realOr("brightness", 0)).isZero();
    }

    @Test
    void aNoteReadBackNamesItsStageSceneAndKey() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);
        StepRecord step = StepRecord.pending(
                StepId.next(clock),
                JobId.next(clock),
                "scene_video",
                2,
                1,
                WorkQueue.MARKETING,
                clock.instant(),
                clock.instant());
        StepContext context = new StepContext(null, step, Map.of(), null, null, null, null, clock, null, false);

        StageOutputs note =
                StageOutputs.ofNote(context, Map.of("kind", "clip_check", "parts", Map.of("colour", "red")));

        assertThatThrownBy(() -> note.object("parts").real("colour"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a note of stage scene_video (scene 2) key parts.colour is not a number but 'red'");
        assertThatThrownBy(() -> note.text("clip"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a note of stage scene_video (scene 2) has no key clip");
    }

    @Test
    void anUnfinishedStageIsNamed() {
        StepContext context = new StepContext(null, null, Map.of(), null, null, null, null, null, null, false);

        assertThatThrownBy(() -> StageOutputs.of(context, "segment_image", 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage segment_image (scene 4) has not finished, so its outputs cannot be read");
    }
}
