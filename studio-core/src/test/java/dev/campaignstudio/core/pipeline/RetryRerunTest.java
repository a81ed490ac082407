package dev.campaignstudio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.contract.OutputMode;
import org.junit.jupiter.api.Test;

/** What a retry runs again in the built-in pipelines: its target, what builds on it, and what reads a changed request. */
class RetryRerunTest {

    private final PipelineRouter router = PipelineRouter.standard();
    private final PipelineDefinition fast = router.route(OutputMode.FAST_VIDEO);
    private final PipelineDefinition creation = router.route(null);

    @Test
    void aNewCutOutRerunsWhatDrawsItAndKeepsTheDescriptionAndTheStoryboard() {
        assertThat(creation.rerunFrom("neutral_image")).containsExactly("neutral_image", "character_sheet", "emit");
        assertThat(fast.rerunFrom("neutral_image"))
                .containsExactly("neutral_image", "character_sheet", "scene_image", "scene_video", "stitch");
    }

    @Test
    void aChangedPromptOrSettingRerunsEveryLaterStageThatReadsThem() {
        assertThat(fast.rerunFrom("neutral_image", true))
                .containsExactly(
                        "neutral_image", "character_sheet", "storyboard", "scene_image", "scene_video", "stitch");
        assertThat(fast.rerunFrom("scene_video", true)).containsExactly("scene_video", "stitch");
    }

    @Test
    void aSceneVideoRetryRerunsOnlyTheVideosAndTheStitch() {
        assertThat(fast.rerunFrom("scene_video")).containsExactly("scene_video", "stitch");
        assertThat(fast.rerunFrom("storyboard_seeds"))
                .as("the fast video's storyboard takes its shots from the seeds")
                .containsExactly("storyboard_seeds", "storyboard", "scene_image", "scene_video", "stitch");
    }

    @Test
    void aNewCharacterSheetRerunsEveryImageAndClipMadeWithItAsAReference() {
        assertThat(fast.rerunFrom("character_sheet"))
                .containsExactly("character_sheet", "scene_image", "scene_video", "stitch");
        assertThat(router.route(OutputMode.SCRIPT_VIDEO).rerunFrom("character_sheet"))
                .containsExactly("character_sheet", "segment_image", "segment_video", "timed_video");
        assertThat(router.route(OutputMode.UGC).rerunFrom("character_sheet"))
                .containsExactly("character_sheet", "ugc_media", "assemble");
    }

    @Test
    void theScriptWritersRerunWithNewSeeds() {
        assertThat(router.route(OutputMode.SCRIPT_VIDEO).rerunFrom("storyboard_seeds"))
                .as("the script follows the seeds")
                .containsExactly(
                        "storyboard_seeds", "script", "voiceover", "segment_image", "segment_video", "timed_video");
        assertThat(router.route(OutputMode.UGC).rerunFrom("storyboard_seeds"))
                .as("the UGC script follows the seeds")
                .containsExactly("storyboard_seeds", "script_storyboard", "ugc_media", "assemble");
    }

    @Test
    void storyboardNamesTheSeedsOfACreationJobOnly() {
        assertThat(creation.retryTarget("storyboard")).isEqualTo("storyboard_seeds");
        assertThat(fast.retryTarget("storyboard")).isEqualTo("storyboard");
        assertThat(router.route(OutputMode.SCRIPT_VIDEO).retryTarget("storyboard"))
                .as("no storyboard stage there: refused at submission")
                .isEqualTo("storyboard");
    }
}
