package dev.campaignstudio.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.server.StudioApplication;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code studio.stages.<stage>.timeout} sets a stage's limit; with {@code video} bound to a Replicate-compatible server
 * (10-minute prediction deadline) a default limit is raised to it, and a configured one below it stops the service.
 */
class StageLimitsSystemTest {

    private static String[] replicate(String dataDir, String... more) {
        String[] base = {
            "--studio.data-dir=" + dataDir,
            "--studio.engine.queues=",
            "--studio.providers.replicate.base-url=http://127.0.0.1:9",
            "--studio.providers.replicate.read-timeout=30s",
            "--studio.providers.replicate.models.video=acme/img2vid:v1",
            "--studio.capabilities.video=replicate"
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aConfiguredLimitIsKeptAndADefaultOneIsRaisedToTheVideoAdaptersDeadline() throws Exception {
        String dataDir = Files.createTempDirectory("studio-stage-limits").toString();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudioApplication.class)
                .web(WebApplicationType.NONE)
                .run(replicate(dataDir, "--studio.stages.stitch.timeout=7m"))) {
            PipelineRouter router = context.getBean(PipelineRouter.class);
            assertThat(router.route(OutputMode.FAST_VIDEO)
                            .stage("scene_video")
                            .orElseThrow()
                            .timeout())
                    .as("10 min deadline + 2 x 30 s read timeouts + 1 min")
                    .isEqualTo(Duration.ofMinutes(12));
            assertThat(router.route(OutputMode.FAST_VIDEO)
                            .stage("stitch")
                            .orElseThrow()
                            .timeout())
                    .isEqualTo(Duration.ofMinutes(7));
            assertThat(router.route(OutputMode.FAST_VIDEO)
                            .stage("scene_image")
                            .orElseThrow()
                            .timeout())
                    .isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void aConfiguredLimitBelowTheVideoAdaptersDeadlineStopsTheService() throws Exception {
        String dataDir = Files.createTempDirectory("studio-stage-limits").toString();
        assertThatThrownBy(() -> new SpringApplicationBuilder(StudioApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(replicate(dataDir, "--studio.stages.scene-video.timeout=5m")))
                .rootCause()
                .hasMessageContaining(
                        "studio.stages.scene_video.timeout=5 min is shorter than the deadline of the adapter"
                                + " bound to video (11 min)")
                .hasMessageContaining("at least 12 min");
    }
}
