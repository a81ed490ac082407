package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.InMemoryStepStore;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.StageDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a running step is stopped: by its cancellation signal, never by interrupting its thread (which also does the
 * step's database work); a stopped step keeps its lease while it winds down, for a grace period; a worker known to be
 * gone has its steps given up at once; a worker shutting down hands its steps back.
 */
class StepStoppingTest {

    private static final Duration TIME_LIMIT = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Held held = new Held();
    private final EngineHarness harness = new EngineHarness(
            PipelineRouter.only(new PipelineDefinition(
                    "held",
                    List.of(
                            StageDefinition.once("plan"),
                            StageDefinition.perScene("render").timingOutAfter(TIME_LIMIT)))),
            new StageHandlers(handlers()));

    private Map<String, StageHandler> handlers() {
        Map<String, StageHandler> handlers = new LinkedHashMap<>();
        handlers.put("plan", context -> StepResult.outputs(Map.of("scene_count", 2)));
        handlers.put("render", held);
        return handlers;
    }

    @AfterEach
    void close() {
        held.release.countDown();
        harness.close();
    }

    /**
     * A render handler that waits, ignoring interrupts as file or native I/O does, until the test releases it, then notes
     * whether its thread was interrupted meanwhile and stops if told to.
     */
    static final class Held implements StageHandler {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile CancellationSignal signal;
        volatile Boolean interrupted;

        @Override
        public StepResult execute(StepContext context) throws Exception {
            signal = context.cancellation();
            entered.countDown();
            boolean wasInterrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                }
            }
            interrupted = wasInterrupted || Thread.currentThread().isInterrupted();
            context.cancellation().throwIfCancelled();
            return StepResult.outputs(Map.of("rendered", true));
        }
    }

    /** Submits a job, runs its plan, and starts running the first render on another thread; returns that render's id. */
    private StepId startFirstRender(CompletableFuture<Boolean> run, Job job) throws InterruptedException {
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> renders = harness.steps.takeDue(harness.clock.instant());
        assertThat(renders).hasSize(2);
        StepId render = renders.get(0).stepId();
        CompletableFuture.runAsync(() -> run.complete(harness.runner.run(render, () -> {})));
        assertThat(held.entered.await(30, TimeUnit.SECONDS))
                .as("the render started")
                .isTrue();
        return render;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }

    private StepRecord step(StepId id) {
        return harness.steps.find(id).orElseThrow();
    }

    @Test
    void cancellingStopsAStepThroughItsSignalWithoutInterruptingItsThread() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId render = startFirstRender(run, job);

        harness.engine.cancel(job.id());
        awaitTrue(() -> held.signal.isCancelled());
        harness.awaitHeartbeat();
        held.release.countDown();

        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(held.interrupted).as("the step's thread was interrupted").isFalse();
        assertThat(step(render).error().code()).isEqualTo("STOPPED");
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aTimedOutStepKeepsItsLeaseWhileItWindsDownSoTheSweepLeavesItAlone() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId render = startFirstRender(run, job);

        harness.clock.advance(TIME_LIMIT.plusSeconds(1));
        awaitTrue(() -> held.signal.isCancelled());
        harness.clock.advance(LEASE.plusSeconds(1));
        Instant afterTheLease = harness.clock.instant();
        awaitTrue(() -> step(render).leaseExpiresAt().isAfter(afterTheLease));
        assertThat(harness.engine.sweep(Duration.ofMinutes(10)).givenUp()).isZero();
        held.release.countDown();

        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(held.interrupted).isFalse();
        assertThat(step(render).error().code()).isEqualTo("STEP_TIMEOUT");
        assertThat(step(render).error().retryable()).isTrue();
    }

    @Test
    void aStoppedStepThatIgnoresItsSignalPastTheGraceLetsItsLeaseLapse() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId render = startFirstRender(run, job);

        harness.engine.cancel(job.id());
        awaitTrue(() -> held.signal.isCancelled());
        harness.clock.advance(StepRunner.STOP_GRACE.plus(LEASE).plusSeconds(1));
        harness.awaitHeartbeat();
        assertThat(harness.engine.sweep(Duration.ofMinutes(10)).givenUp()).isEqualTo(1);
        assertThat(step(render).error().code()).isEqualTo("WORKER_LOST");
        held.release.countDown();

        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(step(render).error().code())
                .as("the late result is discarded")
                .isEqualTo("WORKER_LOST");
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void theStepsOfAWorkerKnownToBeGoneAreGivenUpAtOnceAndOthersAreLeftAlone() {
        Job job = harness.submit(RequestFixture.creation().tree());
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> renders = harness.steps.takeDue(harness.clock.instant());
        Instant now = harness.clock.instant();
        StepId gone = renders.get(0).stepId();
        StepId alive = renders.get(1).stepId();
        harness.steps.claim(gone, "previous-incarnation", now, now.plus(Duration.ofHours(1)));
        harness.steps.claim(alive, "another-worker", now, now.plus(Duration.ofHours(1)));

        assertThat(harness.engine.recover("previous-incarnation")).isEqualTo(1);
        assertThat(harness.engine.recover("previous-incarnation"))
                .as("nothing left to give up")
                .isZero();

        assertThat(step(gone).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(gone).error().code()).isEqualTo("WORKER_LOST");
        assertThat(step(alive).status()).isEqualTo(StepStatus.RUNNING);
        StepRecord again = harness.steps.forJob(job.id()).stream()
                .filter(s -> s.stage().equals("render")
                        && s.sceneOrder() == step(gone).sceneOrder()
                        && s.attempt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(again.status()).as("a new attempt waits for dispatch").isEqualTo(StepStatus.PENDING);
    }

    @Test
    void aWorkerShuttingDownHandsItsRunningStepsBackAndClaimsNoMore() throws Exception {
        Job job = harness.submit(RequestFixture.creation().tree());
        CompletableFuture<Boolean> run = new CompletableFuture<>();
        StepId render = startFirstRender(run, job);
        StepId other = harness.steps.forJob(job.id()).stream()
                .filter(s -> s.stage().equals("render") && !s.id().equals(render))
                .findFirst()
                .orElseThrow()
                .id();

        harness.runner.stopAll();
        assertThat(held.signal.isCancelled()).isTrue();
        held.release.countDown();

        assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(harness.runner.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(held.interrupted).isFalse();
        assertThat(step(render).error().code()).isEqualTo("WORKER_LOST");
        assertThat(step(render).error().retryable()).isTrue();
        assertThatThrownBy(() -> harness.runner.run(other, () -> {}))
                .as("no claim once shutting down, and the message comes back")
                .isInstanceOf(IllegalStateException.class);
        assertThat(step(other).status()).isEqualTo(StepStatus.PENDING);
        assertThat(harness.steps.forJob(job.id()))
                .filteredOn(s -> s.stage().equals("render") && s.attempt() == 2)
                .hasSize(1);
    }
}
