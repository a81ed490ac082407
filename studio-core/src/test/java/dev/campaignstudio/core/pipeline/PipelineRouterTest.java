package dev.campaignstudio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.contract.OutputMode;
import org.junit.jupiter.api.Test;

class PipelineRouterTest {

    private final PipelineRouter router = PipelineRouter.standard();

    @Test
    void everyOutputStartsWithTheIdentityStages() {
        for (OutputMode mode : OutputMode.builtIn()) {
            assertThat(router.route(mode).stageNames())
                    .as(mode.wire())
                    .startsWith("neutral_image", "metadata", "character_sheet", "link_metadata", "storyboard_seeds");
        }
    }

    @Test
    void fastVideoRunsScenesThenStitches() {
        PipelineDefinition fast = router.route(OutputMode.FAST_VIDEO);
        assertThat(fast.stageNames()).endsWith("storyboard", "scene_image", "scene_video", "stitch");
        assertThat(fast.stage("scene_video"))
                .hasValueSatisfying(s -> assertThat(s.perScene()).isTrue());
        assertThat(fast.stage("stitch"))
                .hasValueSatisfying(s -> assertThat(s.perScene()).isFalse());
    }

    @Test
    void creationEndsWithEmit() {
        assertThat(router.route(null).stageNames()).endsWith("storyboard_seeds", "emit");
    }
}
