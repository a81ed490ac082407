package dev.campaignstudio.providers.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.InMemoryStepStore;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.providers.contract.FakeReplicate;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A paid prediction is made once per scene whatever happens to the step that asked for it: the real engine (in-memory
 * stores) runs a per-scene stage through the {@code replicate} adapter against a fake Replicate that answers as its
 * published document says and counts the predictions created. An attempt cut off while polling (its time limit passed,
 * or its worker is gone) leaves its prediction running and noted; the next attempt follows that prediction and creates
 * none. Cancelling the job cancels the prediction at the provider.
 */
class PaidPredictionsTest {

    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);

    private final FakeReplicate vendor = new FakeReplicate(
            input -> ("mp4 of seed " + input.path("seed").asLong()).getBytes(StandardCharsets.UTF_8), 2);
    private final ReplicateAdapter replicate = new ReplicateAdapter(
            new ProviderClient(new ProviderSettings(
                    "replicate",
                    URI.create(vendor.url()),
                    "r8_contract",
                    Map.of("video", "acme/img2vid:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa"),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    4,
                    2,
                    Duration.ofMillis(20),
                    Duration.ofSeconds(1),
                    5,
                    Duration.ofMinutes(1),
                    Map.of("video", Map.of("predict_seconds", 0.0023)))),
            new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(5)),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMinutes(10));
    private final EngineHarness harness = new EngineHarness(
            PipelineRouter.only(new PipelineDefinition(
                    "clips",
                    List.of(
                            StageDefinition.once("plan"),
                            StageDefinition.perScene("clip").timingOutAfter(TIME_LIMIT)))),
            new StageHandlers(handlers()));

    private Map<String, StageHandler> handlers() {
        Map<String, StageHandler> handlers = new LinkedHashMap<>();
        handlers.put("plan", context -> StepResult.outputs(Map.of("scene_count", 2)));
        handlers.put("clip", context -> {
            MediaFile clip = replicate.animate(video(context.sceneOrder()));
            return StepResult.outputs(Map.of("clip", new String(clip.data(), StandardCharsets.UTF_8)));
        });
        return handlers;
    }

    @AfterEach
    void close() {
        vendor.release();
        harness.close();
        vendor.close();
        ProviderCalls.drain();
    }

    private static VideoRequest video(int scene) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaFile image = MediaFile.image(png.toByteArray(), "image/png", 32, 32);
        return new VideoRequest(
                new SceneImage(image, image, new Box(0, 0, 32, 32)),
                null,
                64,
                64,
                2000,
                10,
                CameraMove.ZOOM_IN,
                100 + scene);
    }

    /** Runs the plan and starts the first scene's clip on another thread, held at the provider; returns its step. */
    private StepId startFirstClipHeld(CompletableFuture<Boolean> run) throws InterruptedException {
        vendor.hold();
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> clips = harness.steps.takeDue(harness.clock.instant());
        assertThat(clips).hasSize(2);
        StepId first = clips.get(0).stepId();
        CompletableFuture.runAsync(() -> run.complete(harness.runner.run(first, () -> {})));
        assertThat(vendor.polledWhileHeld().await(30, TimeUnit.SECONDS))
                .as("the prediction is being polled")
                .isTrue();
        return first;
    }

    /** Dispatches again the scenes held back while the first ran. */
    private void redispatchTheOthers() {
        harness.steps.redispatchLost(
                harness.clock.instant(), harness.clock.instant().plusSeconds(1));
    }

    private StepRecord step(StepId id) {
        return harness.steps.find(id).orElseThrow();
    }

    private List<StepRecord> clips(Job job) {
        return harness.steps.forJob(job.id()).stream()
                .filter(s -> s.stage().equals("clip"))
                .toList();
    }

    @Test
    void aRetryAfterAStepTimeoutFollowsTheSamePredictionSoEachSceneHasExactlyOne() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId first = startFirstClipHeld(run);

        harness.clock.advance(TIME_LIMIT.plusSeconds(1));
        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(step(first).error().code()).isEqualTo("STEP_TIMEOUT");
        assertThat(vendor.cancelled())
                .as("a timed-out attempt leaves its prediction to the next")
                .isZero();
        vendor.release();
        redispatchTheOthers();
        harness.drain();

        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(vendor.created()).as("one prediction per scene").isEqualTo(2);
        assertThat(clips(job))
                .filteredOn(s -> s.status() == StepStatus.SUCCEEDED)
                .hasSize(2);
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void aWorkerLostWhilePollingLeavesItsPredictionToTheNextAttemptWhichCreatesNone() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId first = startFirstClipHeld(run);
        int createdBeforeTheLoss = vendor.created();

        // the worker is known to be gone (as at an embedded restart): its running step is given up and tried again
        assertThat(harness.engine.recover("test-worker")).isEqualTo(1);
        // the attempt's next heartbeat finds its lease gone and stops it
        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(step(first).error().code()).isEqualTo("WORKER_LOST");
        vendor.release();
        redispatchTheOthers();
        harness.drain();

        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(createdBeforeTheLoss).isEqualTo(1);
        assertThat(vendor.created())
                .as("the next attempt created no prediction: one per scene")
                .isEqualTo(2);
        assertThat(vendor.cancelled()).isZero();
        StepRecord retried = clips(job).stream()
                .filter(s -> s.sceneOrder() == step(first).sceneOrder() && s.attempt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(retried.outputs().get("clip"))
                .isEqualTo("mp4 of seed " + (100 + step(first).sceneOrder()));
        List<?> calls = (List<?>) retried.outputs().get(ProviderCalls.OUTPUT);
        assertThat(calls.stream().map(c -> String.valueOf(((Map<?, ?>) c).get("operation"))))
                .doesNotContain("predictions");
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void cancellingTheJobCancelsThePredictionAtTheProvider() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId first = startFirstClipHeld(run);

        harness.engine.cancel(job.id());
        // the attempt's next heartbeat finds the job cancelled and stops it
        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(step(first).error().code()).isEqualTo("STOPPED");
        assertThat(vendor.cancelled()).isEqualTo(1);
        assertThat(vendor.vendor().requests("POST", "/predictions/{prediction_id}/cancel"))
                .hasSize(1);
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(vendor.vendor().problems()).isEmpty();
    }

    @Test
    void eachPredictionRecordsItsVersionSeedRunTimeAndCost() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        harness.drain();

        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        StepRecord clip = clips(job).get(0);
        List<?> calls = (List<?>) clip.outputs().get(ProviderCalls.OUTPUT);
        Map<?, ?> created = (Map<?, ?>) calls.stream()
                .filter(c -> ((Map<?, ?>) c).get("operation").equals("predictions"))
                .findFirst()
                .orElseThrow();
        assertThat(calls).hasSizeGreaterThan(1);
        Map<?, ?> last = (Map<?, ?>) calls.get(calls.size() - 1);
        assertThat(created.get("model")).asString().startsWith("acme/img2vid:");
        assertThat(last.get("version")).isEqualTo("5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa");
        assertThat(last.get("seed")).isEqualTo(100L + clip.sceneOrder());
        assertThat(String.valueOf(last.get("usage"))).isEqualTo("{predict_seconds=1.5}");
        assertThat((Double) last.get("cost")).isCloseTo(1.5 * 0.0023, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vendor.vendor().requests("POST", "/predictions"))
                .allSatisfy(
                        request -> assertThat(String.valueOf(request.headers().get("Cancel-after")))
                                .isEqualTo("[600s]"));
        assertThat(vendor.vendor().problems()).isEmpty();
    }
}
