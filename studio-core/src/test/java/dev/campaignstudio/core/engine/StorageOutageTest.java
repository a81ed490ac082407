package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.RetryPolicy;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageOutageTest {

    @TempDir
    Path temp;

    private final AtomicInteger attempts = new AtomicInteger();
    private final byte[] video = "a rendered clip, on disk".getBytes(StandardCharsets.UTF_8);
    private EngineHarness harness;

    private EngineHarness harness(int failingAttempts, boolean wrapped) {
        RetryPolicy quick =
                new RetryPolicy(3, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 0, RetryPolicy.TRANSIENT);
        PipelineDefinition pipeline = new PipelineDefinition(
                "test_store", List.of(StageDefinition.once("render").retrying(quick)));
        StageHandler render = context -> {
            if (attempts.incrementAndGet() <= failingAttempts) {
                BlobStoreUnavailableException down = new BlobStoreUnavailableException(
                        "the asset store could not store blob x", new ConnectException("refused"));
                if (wrapped) {
                    throw new UncheckedIOException(down);
                }
                throw down;
            }
            Path file = Files.write(temp.resolve("clip-" + context.attempt() + ".mp4"), video);
            String id = context.store(file, AssetKind.VIDEO, "video/mp4", 16, 9, 1000L, "final_video")
                    .asset()
                    .id()
                    .value();
            return StepResult.outputs(Map.of("clip", id));
        };
        harness = new EngineHarness(PipelineRouter.only(pipeline), new StageHandlers(Map.of("render", render)));
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private List<StepRecord> attempts(Job job) {
        return harness.steps.forJob(job.id()).stream()
                .filter(s -> s.stage().equals("render"))
                .toList();
    }

    @Test
    void anUnreachableStoreFailsTheStepRetryablyAndTheNextAttemptStoresTheFile() throws IOException {
        EngineHarness engine = harness(1, false);
        Job job = engine.submit(RequestFixture.creation().tree());
        engine.drain();

        assertThat(engine.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        List<StepRecord> tries = attempts(job);
        assertThat(tries).extracting(StepRecord::status).containsExactly(StepStatus.FAILED, StepStatus.SUCCEEDED);
        assertThat(tries.get(0).error().code()).isEqualTo(StepRunner.STORAGE_UNAVAILABLE);
        assertThat(tries.get(0).error().retryable()).isTrue();
        assertThat(tries.get(0).error().message()).doesNotContain("refused");
        assertThat(engine.assets.contains(Sha256.hex(video)))
                .as("stored from the file, as a stream")
                .isTrue();
        assertThat(engine.assets.records())
                .singleElement()
                .satisfies(a -> assertThat(a.bytes()).isEqualTo(video.length));
    }

    @Test
    void anUnreachableStoreWrappedByAStageIsStillAStorageFault() {
        EngineHarness engine = harness(1, true);
        Job job = engine.submit(RequestFixture.creation().tree());
        engine.drain();

        assertThat(engine.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(attempts(job).get(0).error().code()).isEqualTo(StepRunner.STORAGE_UNAVAILABLE);
    }

    @Test
    void aStoreThatStaysAwayFailsTheJobAfterTheRetriesAsRetryable() {
        EngineHarness engine = harness(10, false);
        Job job = engine.submit(RequestFixture.creation().tree());
        engine.drain();

        assertThat(engine.job(job).status()).isEqualTo(JobStatus.FAILED);
        // an infrastructure fault gets eight attempts, not the stage's three (docs/engine.md "Retries inside a job")
        assertThat(attempts(job))
                .hasSize(8)
                .allSatisfy(s -> assertThat(s.error().code()).isEqualTo(StepRunner.STORAGE_UNAVAILABLE));
        assertThat(engine.job(job).error().code()).isEqualTo(StepRunner.STORAGE_UNAVAILABLE);
    }
}
