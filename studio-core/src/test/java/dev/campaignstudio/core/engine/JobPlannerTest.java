package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPlannerTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final JobPlanner planner = new JobPlanner();
    private final PipelineDefinition pipeline = TestPipelines.sample(Duration.ofSeconds(2));
    private final Job job = job();
    private final List<StepRecord> steps = new ArrayList<>();

    private Job job() {
        Map<String, Object> tree = RequestFixture.creation().tree();
        JobRequest request = new JobRequestReader().read(tree).orThrow();
        return Job.accepted(
                JobId.next(clock), request, CanonicalJson.sha256(tree), null, "sku-123", null, clock.instant());
    }

    private StepRecord step(
            String stage, int scene, int attempt, StepStatus status, Map<String, Object> outputs, JobError error) {
        Instant now = clock.instant();
        StepRecord step = new StepRecord(
                StepId.next(clock),
                job.id(),
                stage,
                scene,
                attempt,
                status,
                WorkQueue.MARKETING,
                Map.of(),
                outputs,
                List.of(),
                error,
                null,
                null,
                null,
                null,
                1,
                now,
                now,
                status.isTerminal() ? now : null);
        steps.add(step);
        return step;
    }

    private Plan plan() {
        return planner.plan(job, pipeline, steps, 1, clock.instant(), () -> 0);
    }

    @Test
    void aStageWaitsForEveryEarlierStageNotOnlyThePreviousOne() {
        // a retry records kept stages up front: here 'render' and 'voice' are kept while 'plan' runs again
        step("plan", 0, 1, StepStatus.RUNNING, Map.of(), null);
        step("render", 1, 1, StepStatus.REUSED, Map.of(), null);
        step("voice", 1, 1, StepStatus.REUSED, Map.of(), null);
        assertThat(plan())
                .as("'flaky' waits for 'plan' although 'voice' before it is done")
                .isEqualTo(Plan.WAIT);

        step("plan", 0, 2, StepStatus.SUCCEEDED, Map.of("scene_count", 1), null);
        assertThat(plan().newSteps()).extracting(Plan.NewStep::stage).containsExactly("flaky");
    }

    @Test
    void theFirstStageIsReadyAtOnce() {
        assertThat(plan().newSteps()).extracting(Plan.NewStep::stage).containsExactly("plan");
    }

    @Test
    void theSceneCountComesFromTheLatestFinishedOnceStage() {
        step("plan", 0, 1, StepStatus.SUCCEEDED, Map.of("scene_count", 3), null);
        assertThat(plan().newSteps())
                .extracting(Plan.NewStep::stage, Plan.NewStep::sceneOrder)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("render", 1),
                        org.assertj.core.groups.Tuple.tuple("render", 2),
                        org.assertj.core.groups.Tuple.tuple("render", 3));
    }

    @Test
    void aOnceStageWaitsForEverySceneBeforeIt() {
        step("plan", 0, 1, StepStatus.SUCCEEDED, Map.of("scene_count", 2), null);
        for (int scene = 1; scene <= 2; scene++) {
            step("render", scene, 1, StepStatus.SUCCEEDED, Map.of(), null);
        }
        step("voice", 1, 1, StepStatus.SUCCEEDED, Map.of(), null);
        step("voice", 2, 1, StepStatus.RUNNING, Map.of(), null);
        assertThat(plan()).isEqualTo(Plan.WAIT);
    }

    @Test
    void aTransientFailureIsRetriedOnTheRetryQueueAfterItsBackoff() {
        step("plan", 0, 1, StepStatus.FAILED, Map.of(), new JobError("PROVIDER_ERROR", "502", true, "plan", null, 1));
        Plan plan = plan();
        assertThat(plan.newSteps()).singleElement().satisfies(next -> {
            assertThat(next.attempt()).isEqualTo(2);
            assertThat(next.queue()).isEqualTo(WorkQueue.RETRY);
            assertThat(next.notBefore()).isEqualTo(clock.instant().plusSeconds(2));
        });
    }

    @Test
    void aProviderAskingForALongerWaitIsHonoured() {
        step(
                "plan",
                0,
                1,
                StepStatus.FAILED,
                Map.of(JobPlanner.RETRY_AFTER_MS, 30_000),
                new JobError("PROVIDER_RATE_LIMITED", "429", true, "plan", null, 1));
        assertThat(plan().newSteps())
                .singleElement()
                .satisfies(next ->
                        assertThat(next.notBefore()).isEqualTo(clock.instant().plusSeconds(30)));
    }

    @Test
    void exhaustedAttemptsFailTheJobNamingStageSceneAndAttempts() {
        step("plan", 0, 1, StepStatus.SUCCEEDED, Map.of("scene_count", 2), null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            step(
                    "render",
                    2,
                    attempt,
                    StepStatus.FAILED,
                    Map.of(),
                    new JobError("PROVIDER_TIMEOUT", "slow", true, "render", 2, attempt));
        }
        Plan plan = plan();
        assertThat(plan.skipPending()).isTrue();
        assertThat(plan.ending()).isInstanceOfSatisfying(Plan.Failed.class, failed -> {
            assertThat(failed.error().stage()).isEqualTo("render");
            assertThat(failed.error().sceneOrder()).isEqualTo(2);
            assertThat(failed.error().attempts()).isEqualTo(3);
            assertThat(failed.error().code()).isEqualTo("PROVIDER_TIMEOUT");
        });
    }

    @Test
    void aSlotFailingForGoodLetsItsRunningSiblingsFinishBeforeTheJobFails() {
        step("plan", 0, 1, StepStatus.SUCCEEDED, Map.of("scene_count", 3), null);
        step(
                "render",
                1,
                1,
                StepStatus.FAILED,
                Map.of(),
                new JobError("FIDELITY_DRIFT", "drifted", false, "render", 1, 1));
        step("render", 2, 1, StepStatus.RUNNING, Map.of(), null);
        step("render", 3, 1, StepStatus.SUCCEEDED, Map.of(), null);
        Plan waiting = plan();
        assertThat(waiting.newSteps())
                .as("nothing new starts, not even scene 3's voice")
                .isEmpty();
        assertThat(waiting.skipPending()).isTrue();
        assertThat(waiting.ending()).as("scene 2 is still running").isNull();

        steps.remove(2);
        step("render", 2, 1, StepStatus.SUCCEEDED, Map.of(), null);
        assertThat(plan().ending()).isInstanceOfSatisfying(Plan.Failed.class, failed -> {
            assertThat(failed.error().code()).isEqualTo("FIDELITY_DRIFT");
            assertThat(failed.error().sceneOrder()).isEqualTo(1);
        });
    }

    @Test
    void cancellationEndsTheJobOnceNothingRuns() {
        Job cancelled = job.cancelRequested(clock.instant());
        step("plan", 0, 1, StepStatus.RUNNING, Map.of(), null);
        Plan waiting = planner.plan(cancelled, pipeline, steps, 1, clock.instant(), () -> 0);
        assertThat(waiting.skipPending()).isTrue();
        assertThat(waiting.ending()).isNull();
        steps.clear();
        step("plan", 0, 1, StepStatus.SUCCEEDED, Map.of(), null);
        assertThat(planner.plan(cancelled, pipeline, steps, 1, clock.instant(), () -> 0)
                        .ending())
                .isInstanceOf(Plan.Cancelled.class);
    }

    @Test
    void everySlotDoneSucceedsTheJob() {
        step("plan", 0, 1, StepStatus.REUSED, Map.of("scene_count", 1), null);
        step("render", 1, 1, StepStatus.SUCCEEDED, Map.of(), null);
        step("voice", 1, 1, StepStatus.SUCCEEDED, Map.of(), null);
        step("flaky", 0, 1, StepStatus.SUCCEEDED, Map.of(), null);
        assertThat(plan().newSteps()).extracting(Plan.NewStep::stage).containsExactly("assemble");
        step("assemble", 0, 1, StepStatus.SUCCEEDED, Map.of(), null);
        assertThat(plan().ending()).isInstanceOf(Plan.Succeeded.class);
        assertThat(planner.percent(pipeline, steps, 1)).isEqualTo(100);
    }
}
