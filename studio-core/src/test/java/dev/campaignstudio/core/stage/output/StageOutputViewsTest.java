package dev.campaignstudio.core.stage.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed views of output stages' outputs, against the keys the API, manifests and reused steps of older jobs rely
 * on: maps here are spelled out key by key as stored, not built by the code under test.
 */
class StageOutputViewsTest {

    @Test
    void aSceneImageReadsItsImagesBoxesAndBackground() {
        Map<String, Object> stored = Map.of(
                "images",
                List.of(Map.of(
                        "aspect",
                        "9:16",
                        "image",
                        "01JIMAGE",
                        "width",
                        1080,
                        "height",
                        1920,
                        "product_box",
                        Map.of("x", 300, "y", 700, "width", 480, "height", 600),
                        "fidelity_score",
                        0.91)),
                "background",
                "01JBACKGROUND",
                "headline",
                "Stay cold",
                "style",
                "studio",
                "presentation",
                "product_only");

        SceneImageOutputs read = SceneImageOutputs.of(stored);

        assertThat(read.first())
                .isEqualTo(new SceneImageOutputs.Image("9:16", "01JIMAGE", new Box(300, 700, 480, 600)));
        assertThat(read.background()).isEqualTo("01JBACKGROUND");
        assertThat(read.headline()).isEqualTo("Stay cold");
        assertThat(read.style()).isEqualTo("studio");
    }

    @Test
    void aSceneImageWithoutItsProductBoxNamesTheStageAndTheKey() {
        Map<String, Object> stored = Map.of("images", List.of(Map.of("aspect", "1:1", "image", "01JIMAGE")));

        assertThatThrownBy(() -> SceneImageOutputs.of(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage scene_image has no output images[0].product_box");
    }

    @Test
    void aBoxWrittenAsAStepRecordsItReadsBackTheSame() {
        Box box = new Box(12, 34, 560, 780);

        Map<String, Object> written = SceneImageOutputs.box(box);

        assertThat(written).isEqualTo(Map.of("x", 12, "y", 34, "width", 560, "height", 780));
        assertThat(SceneImageOutputs.box(StageOutputs.of("segment_image", written)))
                .isEqualTo(box);
    }

    @Test
    void aSegmentImageReadsItsFilesBoxAndPresentation() {
        Map<String, Object> stored = Map.of(
                "image",
                "01JSEG",
                "background",
                "01JBG",
                "width",
                1080,
                "height",
                1920,
                "product_box",
                Map.of("x", 1, "y", 2, "width", 3, "height", 4),
                "style",
                "outdoor",
                "presentation",
                "with_model");

        SegmentImageOutputs read = SegmentImageOutputs.of(stored);

        assertThat(read)
                .isEqualTo(new SegmentImageOutputs("01JSEG", "01JBG", new Box(1, 2, 3, 4), Presentation.WITH_MODEL));
    }

    @Test
    void aClipReadsItsFileAndPlannedLengthAndNamesAMissingOne() {
        assertThat(ClipOutputs.of("scene_video", Map.of("clip", "01JCLIP", "duration_ms", 2250, "move", "zoom_in")))
                .isEqualTo(new ClipOutputs("01JCLIP", 2250));
        assertThatThrownBy(() -> ClipOutputs.of("segment_video", Map.of("clip", "01JCLIP")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage segment_video has no output duration_ms");
    }

    @Test
    void wordsWrittenAsAVoiceoverRecordsThemReadBackTheSame() {
        List<TimedText> words = List.of(new TimedText("Meet", 0, 310), new TimedText("Aurora.", 310, 900));

        List<Map<String, Object>> written = VoiceoverOutputs.timed(words);
        Map<String, Object> stored = new LinkedHashMap<>(
                Map.of("audio", "01JWAV", "duration_ms", 1200L, "text", "Meet Aurora.", "transcript", "01JJSON"));
        stored.put("words", written);
        VoiceoverOutputs read = VoiceoverOutputs.of(stored);

        assertThat(written.get(1)).isEqualTo(Map.of("text", "Aurora.", "start_ms", 310L, "end_ms", 900L));
        assertThat(read).isEqualTo(new VoiceoverOutputs("01JWAV", 1200, "Meet Aurora.", words));
        assertThat(VoiceoverOutputs.shifted(read.words(), 1000))
                .containsExactly(new TimedText("Meet", 1000, 1310), new TimedText("Aurora.", 1310, 1900));
    }

    @Test
    void aUgcShotReadsItsClipLineAndWords() {
        Map<String, Object> stored = Map.of(
                "kind",
                "talking",
                "line",
                "Hi.",
                "clip",
                "01JCLIP",
                "audio",
                "01JWAV",
                "duration_ms",
                640,
                "words",
                List.of(Map.of("text", "Hi.", "start_ms", 0, "end_ms", 600)));

        assertThat(UgcMediaOutputs.of(stored))
                .isEqualTo(new UgcMediaOutputs("01JCLIP", "01JWAV", 640, List.of(new TimedText("Hi.", 0, 600))));
    }

    @Test
    void aScriptSegmentWrittenAsTheScriptRecordsItReadsBackTheSame() {
        ScriptOutputs.Segment segment = new ScriptOutputs.Segment(2, "benefit", "It keeps ice for a day.");

        Map<String, Object> written = segment.toMap();
        ScriptOutputs read = ScriptOutputs.of(Map.of(
                "scene_count",
                2,
                "supplied",
                false,
                "segments",
                List.of(Map.of("order", 1, "role", "hook", "text", "Thirsty?"), written),
                "file",
                "01JJSON"));

        assertThat(written).isEqualTo(Map.of("order", 2, "role", "benefit", "text", "It keeps ice for a day."));
        assertThat(read.segments()).hasSize(2);
        assertThat(read.segment(2)).isEqualTo(segment);
        assertThatThrownBy(() -> read.segment(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the script has 2 segments, not 3");
    }

    @Test
    void aScriptSegmentKeepsTheLookAndShotItsSeedGaveIt() {
        ScriptOutputs read = ScriptOutputs.of(Map.of(
                "segments",
                List.of(Map.of(
                        "order",
                        1,
                        "role",
                        "hook",
                        "text",
                        "Thirsty?",
                        "style",
                        "surface",
                        "shot",
                        "a desk at dawn"))));

        assertThat(read.segment(1))
                .isEqualTo(new ScriptOutputs.Segment(1, "hook", "Thirsty?", "surface", "a desk at dawn"));
        assertThat(read.segment(1).toMap())
                .isEqualTo(Map.of(
                        "order", 1, "role", "hook", "text", "Thirsty?", "style", "surface", "shot", "a desk at dawn"));
    }

    @Test
    void aStoryboardReadsEachScenesTimingMoveTextStyleAndShot() {
        Map<String, Object> stored = Map.of(
                "scene_count",
                1,
                "title",
                "Cold",
                "bpm",
                120,
                "end_card_ms",
                1500,
                "scenes",
                List.of(Map.of(
                        "order",
                        1,
                        "start_ms",
                        0,
                        "duration_ms",
                        3000,
                        "shot",
                        "close",
                        "move",
                        "pan_left",
                        "text",
                        "Ice all day",
                        "style",
                        "gradient",
                        "seed_concept",
                        "Cold")));

        assertThat(StoryboardOutputs.of(stored).scenes())
                .containsExactly(
                        new StoryboardOutputs.Scene(1, 0, 3000, "pan_left", "Ice all day", "gradient", "close"));
    }

    @Test
    void aStoryboardSceneWithoutItsLengthNamesTheKey() {
        Map<String, Object> stored = Map.of("scenes", List.of(Map.of("order", 1, "start_ms", 0)));

        assertThatThrownBy(() -> StoryboardOutputs.of(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage storyboard has no output scenes[0].duration_ms");
    }

    @Test
    void conceptsReadEachHeadlineStyleAndFirstSceneIdea() {
        Map<String, Object> stored = Map.of(
                "scene_count",
                1,
                "file",
                "01JJSON",
                "concepts",
                List.of(Map.of(
                        "order",
                        1,
                        "title",
                        "T",
                        "angle",
                        "A",
                        "headline",
                        "Stay cold",
                        "scene_ideas",
                        List.of("desk"),
                        "style",
                        "surface")));

        assertThat(ConceptsOutputs.of(stored).concepts())
                .containsExactly(new ConceptsOutputs.Concept(1, "Stay cold", "surface", "desk"));
    }

    @Test
    void aUgcScriptReadsItsShotsWithTheirDirectionsAndRefusesAnUnknownKind() {
        Map<String, Object> stored = Map.of(
                "shots",
                List.of(
                        Map.of("order", 1, "kind", "talking", "line", "Okay, listen.", "direction", "selfie"),
                        Map.of("order", 2, "kind", "product_closeup", "line", "Look.", "direction", "macro")));

        assertThat(UgcScriptOutputs.of(stored).shot(2))
                .isEqualTo(new UgcScriptOutputs.Shot(2, ShotKind.PRODUCT_CLOSEUP, "Look.", "macro"));
        assertThatThrownBy(() -> UgcScriptOutputs.of(
                        Map.of("shots", List.of(Map.of("order", 1, "kind", "dance", "line", "Hi.")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stage script_storyboard output shots[0].kind is 'dance', not one of");
    }

    @Test
    void aBriefReadsEveryPartAndNamesAMissingHook() {
        Map<String, Object> stored = Map.of(
                "persona", "runner", "tone", "upbeat", "setting", "park", "hook", "Stop scrolling.", "file", "01JJSON");

        assertThat(InterpretPromptStage.brief(stored).hook()).isEqualTo("Stop scrolling.");
        assertThatThrownBy(() ->
                        InterpretPromptStage.brief(Map.of("persona", "runner", "tone", "upbeat", "setting", "park")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage interpret_prompt has no output hook");
    }
}
