package dev.campaignstudio.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.pipeline.Stages;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A stage's time limit is never shorter than the deadline of an adapter it calls. */
class StageTimeoutsTest {

    private static final Duration REPLICATE = Duration.ofMinutes(10);
    private final PipelineRouter router = PipelineRouter.standard();
    private final Function<Capability, Optional<Duration>> replicateVideo =
            capability -> capability == Capability.VIDEO ? Optional.of(REPLICATE) : Optional.empty();

    @Test
    void aDefaultLimitShorterThanTheVideoAdaptersDeadlineIsRaisedToItAndAMargin() {
        StageTimeouts.Resolved resolved = StageTimeouts.resolve(router.stages(), Map.of(), replicateVideo);

        Duration raised = REPLICATE.plus(StageTimeouts.MARGIN);
        assertThat(resolved.timeouts())
                .containsEntry(Stages.SCENE_VIDEO, raised)
                .containsEntry(Stages.TIMED_VIDEO, raised)
                .containsEntry(Stages.UGC_MEDIA, Duration.ofMinutes(15))
                .containsEntry(Stages.SCENE_IMAGE, StageDefinition.DEFAULT_TIMEOUT);
        assertThat(resolved.raised())
                .anyMatch(line -> line.startsWith("scene_video: time limit raised from 5 min to 11 min"));
        PipelineRouter retimed = router.withTimeouts(resolved.timeouts());
        assertThat(retimed.stages().get(Stages.SCENE_VIDEO).timeout()).isEqualTo(raised);
    }

    @Test
    void aConfiguredLimitShorterThanTheDeadlineStopsTheServiceNamingBoth() {
        IllegalStateException refused = catchThrowableOfType(
                IllegalStateException.class,
                () -> StageTimeouts.resolve(
                        router.stages(), Map.of(Stages.SCENE_VIDEO, Duration.ofMinutes(5)), replicateVideo));

        assertThat(refused.getMessage())
                .contains("studio.stages.scene_video.timeout=5 min")
                .contains("video")
                .contains("10 min")
                .contains("at least 11 min");
    }

    @Test
    void aConfiguredLimitLongEnoughIsKeptAndOneForNoStageIsRefused() {
        StageTimeouts.Resolved resolved = StageTimeouts.resolve(
                router.stages(),
                Map.of(Stages.SCENE_VIDEO, Duration.ofMinutes(20), Stages.STITCH, Duration.ofMinutes(2)),
                replicateVideo);
        assertThat(resolved.timeouts())
                .containsEntry(Stages.SCENE_VIDEO, Duration.ofMinutes(20))
                .containsEntry(Stages.STITCH, Duration.ofMinutes(2));
        assertThat(resolved.raised()).noneMatch(line -> line.startsWith("scene_video"));

        IllegalStateException unknown = catchThrowableOfType(
                IllegalStateException.class,
                () -> StageTimeouts.resolve(
                        router.stages(), Map.of("scene_vidoe", Duration.ofMinutes(20)), replicateVideo));
        assertThat(unknown.getMessage()).contains("no stage is called 'scene_vidoe'");
    }

    @Test
    void withoutAdapterDeadlinesEveryStageKeepsItsPipelinesLimit() {
        StageTimeouts.Resolved resolved =
                StageTimeouts.resolve(router.stages(), Map.of(), capability -> Optional.empty());
        assertThat(resolved.raised()).isEmpty();
        router.stages().forEach((name, stage) -> assertThat(resolved.timeouts()).containsEntry(name, stage.timeout()));
    }
}
