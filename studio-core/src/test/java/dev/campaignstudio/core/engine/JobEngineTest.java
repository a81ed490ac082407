package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.InMemoryStepStore;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.core.fixtures.TestPipelines.CountingHandlers;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.RetryPolicy;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.in.CancelOutcome;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobEngineTest {

    private final CountingHandlers counting = new CountingHandlers();
    private EngineHarness harness =
            new EngineHarness(PipelineRouter.only(TestPipelines.sample(Duration.ofSeconds(2))), counting.handlers());

    @AfterEach
    void close() {
        harness.close();
    }

    private Job submit() {
        return harness.submit(RequestFixture.creation().tree());
    }

    private List<StepRecord> steps(Job job, String stage) {
        return harness.steps.forJob(job.id()).stream()
                .filter(s -> s.stage().equals(stage))
                .toList();
    }

    @Test
    void samplePipelineCompletesWithEveryStepRunOnceAndTheFlakyOneRetriedTwice() {
        Job job = submit();
        harness.drain();

        Job done = harness.job(job);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("plan")).isEqualTo(1);
        for (int scene = 1; scene <= TestPipelines.SCENES; scene++) {
            assertThat(counting.count("render", scene)).isEqualTo(1);
            assertThat(counting.count("voice", scene)).isEqualTo(1);
        }
        assertThat(counting.count("flaky")).isEqualTo(3);
        assertThat(counting.count("assemble")).isEqualTo(1);

        List<StepRecord> flaky = steps(job, "flaky");
        assertThat(flaky)
                .extracting(StepRecord::attempt, StepRecord::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, StepStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(2, StepStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(3, StepStatus.SUCCEEDED));
        assertThat(flaky.get(0).error().code()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(flaky.get(1).queue()).isEqualTo(WorkQueue.RETRY);
        assertThat(flaky.get(1).notBefore()).isEqualTo(flaky.get(0).finishedAt().plusSeconds(2));
        assertThat(steps(job, "voice")).allSatisfy(s -> assertThat(s.queue()).isEqualTo(WorkQueue.AVATAR));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outputs =
                (List<Map<String, Object>>) done.manifest().get("outputs");
        assertThat(outputs).singleElement().satisfies(o -> {
            assertThat(o.get("role")).isEqualTo("final_output");
            assertThat(o.get("url")).asString().startsWith("/v1/assets/ast_");
        });
    }

    @Test
    void eventsReportTheLifecycleInGaplessOrder() {
        Job job = submit();
        harness.drain();
        List<JobEvent> events = harness.events.after(job.id(), 0, 1000);
        assertThat(events)
                .extracting(JobEvent::sequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.get(0).type()).isEqualTo(JobEventType.ACCEPTED);
        assertThat(events.get(1).type()).isEqualTo(JobEventType.STARTED);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(JobEventType.COMPLETED);
        assertThat(events)
                .filteredOn(e -> e.type() == JobEventType.PROGRESS
                        && "succeeded".equals(e.data().get("status"))
                        && "render".equals(e.data().get("stage")))
                .hasSize(TestPipelines.SCENES)
                .allSatisfy(e -> assertThat(e.data().get("assets")).asList().hasSize(1));
        assertThat(events.get(events.size() - 2).data().get("percent")).isEqualTo(100);
    }

    @Test
    void aPermanentFailureFailsTheJobNamingStageAndScene() {
        counting.rejecting("render#3");
        Job job = submit();
        harness.drain();
        Job failed = harness.job(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo("INPUT_INVALID");
        assertThat(failed.error().stage()).isEqualTo("render");
        assertThat(failed.error().sceneOrder()).isEqualTo(3);
        assertThat(failed.error().retryable()).isFalse();
        assertThat(counting.count("render", 3)).as("a rejection is not retried").isEqualTo(1);
        assertThat(counting.count("voice", 3)).isZero();
        assertThat(counting.count("assemble")).isZero();
        assertThat(harness.steps.forJob(job.id()))
                .noneMatch(s -> s.status() == StepStatus.PENDING || s.status() == StepStatus.RUNNING);
        assertThat(harness.events.all())
                .last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(JobEventType.FAILED));
    }

    @Test
    void aWorkerTakesTheNextStepOfItsOwnQueueItselfAndEveryStepStillRunsOnceWithItsEvents() {
        harness.close();
        harness = new EngineHarness(
                PipelineRouter.only(TestPipelines.sample(Duration.ofSeconds(2))),
                h -> counting.handlers(),
                EnumSet.of(WorkQueue.MARKETING, WorkQueue.AVATAR, WorkQueue.RETRY));
        Job job = submit();
        int delivered = 0;
        for (int round = 0; round < 100 && !harness.job(job).status().isTerminal(); round++) {
            delivered += harness.deliverDue();
            harness.clock.advance(Duration.ofSeconds(3));
        }

        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("plan")).isEqualTo(1);
        assertThat(counting.count("render")).isEqualTo(TestPipelines.SCENES);
        assertThat(counting.count("voice")).isEqualTo(TestPipelines.SCENES);
        assertThat(counting.count("flaky")).isEqualTo(3);
        List<StepRecord> all = harness.steps.forJob(job.id());
        assertThat(all).allSatisfy(s -> assertThat(s.claims()).isEqualTo(1));
        // plan makes the renders ready and takes the first; the voices are on the avatar queue and the flaky
        // stage's re-attempts wait out a backoff, so those go through the queue
        assertThat(delivered).isEqualTo(all.size() - 1);
        List<JobEvent> events = harness.events.after(job.id(), 0, 1000);
        assertThat(events)
                .extracting(JobEvent::sequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events)
                .filteredOn(e -> "running".equals(e.data().get("status")))
                .hasSize(all.size());
        int planDone = indexOf(events, "plan", "succeeded");
        assertThat(events.get(planDone + 1).data())
                .containsEntry("stage", "render")
                .containsEntry("scene_order", 1)
                .containsEntry("status", "running");
    }

    private static int indexOf(List<JobEvent> events, String stage, String status) {
        for (int i = 0; i < events.size(); i++) {
            if (stage.equals(events.get(i).data().get("stage"))
                    && status.equals(events.get(i).data().get("status"))) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " event for " + stage);
    }

    @Test
    void duplicateDeliveriesRunNothingTwice() {
        Job job = submit();
        for (int round = 0; round < 100 && !harness.job(job).status().isTerminal(); round++) {
            List<InMemoryStepStore.Dispatch> due = harness.steps.takeDue(harness.clock.instant());
            for (InMemoryStepStore.Dispatch dispatch : due) {
                harness.runner.run(dispatch.stepId(), () -> {});
                assertThat(harness.runner.run(dispatch.stepId(), () -> {}))
                        .as("the second delivery runs nothing")
                        .isFalse();
            }
            harness.clock.advance(Duration.ofSeconds(3));
        }
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("render")).isEqualTo(TestPipelines.SCENES);
        assertThat(counting.count("plan")).isEqualTo(1);
    }

    @Test
    void scenesFlowThroughTheNextPerSceneStageIndependently() {
        Job job = submit();
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> renders = harness.steps.takeDue(harness.clock.instant());
        assertThat(renders).hasSize(TestPipelines.SCENES);
        harness.runner.run(renders.get(0).stepId(), () -> {});
        assertThat(harness.steps.waiting())
                .singleElement()
                .satisfies(d -> assertThat(d.queue()).isEqualTo("avatar"));
        assertThat(steps(job, "voice"))
                .singleElement()
                .satisfies(v -> assertThat(v.sceneOrder()).isEqualTo(1));
    }

    @Test
    void cancellingSkipsPendingStepsAndLateMessagesRunNothing() {
        Job job = submit();
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> renders = harness.steps.takeDue(harness.clock.instant());
        CancelOutcome outcome = harness.engine.cancel(job.id());
        assertThat(outcome).isInstanceOf(CancelOutcome.Accepted.class);
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.CANCELLED);
        for (InMemoryStepStore.Dispatch late : renders) {
            assertThat(harness.runner.run(late.stepId(), () -> {})).isFalse();
        }
        assertThat(counting.count("render")).isZero();
        assertThat(steps(job, "render")).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        assertThat(harness.events.all())
                .last()
                .satisfies(e -> assertThat(e.type()).isEqualTo(JobEventType.CANCELLED));
        assertThat(harness.engine.cancel(job.id())).isInstanceOf(CancelOutcome.AlreadyFinished.class);
    }

    @Test
    void cancellingTellsRunningStepsToStop() throws Exception {
        counting.renderTaking(Duration.ofSeconds(20));
        Job job = submit();
        harness.deliverDue();
        InMemoryStepStore.Dispatch render =
                harness.steps.takeDue(harness.clock.instant()).get(0);
        CompletableFuture<Boolean> running =
                CompletableFuture.supplyAsync(() -> harness.runner.run(render.stepId(), () -> {}));
        assertThat(counting.awaitStarted("render", Duration.ofSeconds(30)))
                .as("a render started")
                .isTrue();
        assertThat(steps(job, "render")).anySatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.RUNNING));
        harness.engine.cancel(job.id());
        assertThat(harness.job(job).status()).as("a step is still running").isEqualTo(JobStatus.RUNNING);
        assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(harness.steps.find(render.stepId()).orElseThrow().error().code())
                .isEqualTo("STOPPED");
    }

    @Test
    void aStepWhoseWorkerVanishedIsGivenUpAndRetried() {
        Job job = submit();
        harness.deliverDue();
        List<InMemoryStepStore.Dispatch> renders = harness.steps.takeDue(harness.clock.instant());
        InMemoryStepStore.Dispatch render = renders.get(0);
        harness.steps.claim(
                render.stepId(),
                "worker-that-dies",
                harness.clock.instant(),
                harness.clock.instant().plusSeconds(30));
        renders.subList(1, renders.size()).forEach(d -> harness.runner.run(d.stepId(), () -> {}));
        harness.clock.advance(Duration.ofSeconds(31));

        JobEngine.SweepResult sweep = harness.engine.sweep(Duration.ofMinutes(10));
        assertThat(sweep.givenUp()).isEqualTo(1);
        StepRecord lost = harness.steps.find(render.stepId()).orElseThrow();
        assertThat(lost.status()).isEqualTo(StepStatus.FAILED);
        assertThat(lost.error().code()).isEqualTo("WORKER_LOST");

        harness.drain();
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("render", lost.sceneOrder()))
                .as("only the retry ran it")
                .isEqualTo(1);
        assertThat(steps(job, "render").stream().filter(s -> s.sceneOrder() == lost.sceneOrder()))
                .extracting(StepRecord::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void lostDispatchesAreDispatchedAgain() {
        Job job = submit();
        assertThat(harness.steps.takeDue(harness.clock.instant())).hasSize(1);
        harness.clock.advance(Duration.ofSeconds(30));
        assertThat(harness.engine.sweep(Duration.ofSeconds(60)).redispatched())
                .as("not yet overdue")
                .isZero();
        harness.clock.advance(Duration.ofSeconds(31));
        assertThat(harness.engine.sweep(Duration.ofSeconds(60)).redispatched()).isEqualTo(1);
        harness.drain();
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("plan")).isEqualTo(1);
    }

    @Test
    void aRetryFromSceneThreeKeepsEverythingBeforeItAndRerunsTheRest() {
        Job first = submit();
        harness.drain();
        Job retry = harness.submit(RequestFixture.retry(first.id().value(), "render")
                .with("idempotency_key", "retry-1")
                .with("target.scene_order", 3)
                .tree());
        harness.drain();

        assertThat(harness.job(retry).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(counting.count("plan")).isEqualTo(1);
        for (int scene = 1; scene <= TestPipelines.SCENES; scene++) {
            int expected = scene < 3 ? 1 : 2;
            assertThat(counting.count("render", scene))
                    .as("render scene %d", scene)
                    .isEqualTo(expected);
            assertThat(counting.count("voice", scene))
                    .as("voice scene %d", scene)
                    .isEqualTo(expected);
        }
        assertThat(counting.count("assemble")).isEqualTo(2);
        assertThat(harness.steps.forJob(retry.id()))
                .filteredOn(s -> s.status() == StepStatus.REUSED)
                .extracting(s -> s.stage() + "#" + s.sceneOrder())
                .containsExactlyInAnyOrder("plan#0", "render#1", "render#2", "voice#1", "voice#2");
        StepRecord keptRender = steps(retry, "render").stream()
                .filter(s -> s.sceneOrder() == 1)
                .findFirst()
                .orElseThrow();
        StepRecord original = steps(first, "render").stream()
                .filter(s -> s.sceneOrder() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(keptRender.assets())
                .as("kept outputs are referenced, not copied")
                .isEqualTo(original.assets());
    }

    @Test
    void aStageWithoutAHandlerFailsTheJobClearly() {
        PipelineDefinition pipeline = new PipelineDefinition("unserved", List.of(StageDefinition.once("teleport")));
        harness.close();
        harness = new EngineHarness(PipelineRouter.only(pipeline), StageHandlers.none());
        Job job = submit();
        harness.drain();
        Job failed = harness.job(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo("CAPABILITY_UNAVAILABLE");
        assertThat(failed.error().stage()).isEqualTo("teleport");
    }

    @Test
    void aStepPastItsTimeoutIsStoppedAndRetriedAsTransient() throws Exception {
        PipelineDefinition pipeline = new PipelineDefinition(
                "slow",
                List.of(
                        StageDefinition.once("plan"),
                        StageDefinition.perScene("render")
                                .timingOutAfter(Duration.ofMillis(200))
                                .retrying(new RetryPolicy(
                                        2,
                                        Duration.ofSeconds(1),
                                        1,
                                        Duration.ofSeconds(1),
                                        0,
                                        RetryPolicy.TRANSIENT))));
        harness.close();
        counting.renderTaking(Duration.ofSeconds(30));
        harness = new EngineHarness(PipelineRouter.only(pipeline), counting.handlers());
        Job job = submit();
        harness.deliverDue();
        InMemoryStepStore.Dispatch render =
                harness.steps.takeDue(harness.clock.instant()).get(0);
        // the watchdog notes its start before the handler runs, so the clock moves past the limit only after it
        CompletableFuture<Void> clockMover = CompletableFuture.runAsync(() -> {
            try {
                assertThat(counting.awaitStarted("render", Duration.ofSeconds(30)))
                        .as("the render started")
                        .isTrue();
                harness.clock.advance(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        harness.runner.run(render.stepId(), () -> {});
        clockMover.get(30, TimeUnit.SECONDS);
        StepRecord timedOut = harness.steps.find(render.stepId()).orElseThrow();
        assertThat(timedOut.status()).isEqualTo(StepStatus.FAILED);
        assertThat(timedOut.error().code()).isEqualTo("STEP_TIMEOUT");
        assertThat(timedOut.error().retryable()).isTrue();
        assertThat(harness.job(job).status()).isEqualTo(JobStatus.RUNNING);
    }
}
