package dev.campaignstudio.server.support;

import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.core.fixtures.TestPipelines.CountingHandlers;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Runs every job through core's sample test pipeline with counting handlers. {@code studio.test.render-delay} slows
 * every render step, or only scene {@code studio.test.slow-scene}; {@code studio.test.invocations-file} appends each invocation to a file, so tests can count across
 * processes. A test configuration: only contexts that name it use it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPipelineConfiguration {

    @Bean
    @Primary
    PipelineRouter testPipelineRouter() {
        return PipelineRouter.only(TestPipelines.sample(Duration.ofMillis(200)));
    }

    @Bean
    CountingHandlers countingHandlers(
            @Value("${studio.test.render-delay:0ms}") Duration renderDelay,
            @Value("${studio.test.slow-scene:0}") int slowScene,
            @Value("${studio.test.invocations-file:}") String invocationsFile) {
        CountingHandlers handlers = invocationsFile.isBlank()
                ? new CountingHandlers()
                : new CountingHandlers(key -> append(Path.of(invocationsFile), key));
        return handlers.renderTaking(renderDelay, slowScene);
    }

    @Bean
    @Primary
    StageHandlers testStageHandlers(CountingHandlers counting) {
        return counting.handlers();
    }

    private static void append(Path file, String key) {
        try {
            Files.writeString(
                    file,
                    key + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
