package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepRecord.Slot;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.StageDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Decides, from a job and all its step attempts, what happens next: which attempts become ready, which failures are
 * retried after their backoff, and whether the job ends. Pure: no I/O, so every rule is tested directly.
 *
 * <p>Readiness: the first stage is ready at once. A once-per-job stage waits for every scene of the stage before it. A
 * per-scene stage that follows a per-scene stage waits only for the same scene before it, so scenes flow through
 * independently; otherwise it waits for the whole stage before it. The number of scenes is the latest
 * {@code scene_count} output of a finished once-per-job stage, else the job's setting.
 */
public final class JobPlanner {

    /** The output key by which a stage sets the number of scenes of the stages after it. */
    public static final String SCENE_COUNT = "scene_count";

    /** The output key of a failed attempt that carries the wait its provider asked for (a 429's Retry-After). */
    public static final String RETRY_AFTER_MS = "retry_after_ms";

    /**
     * Plans the next moves of {@code job}.
     *
     * @param job           the job (locked by the caller)
     * @param pipeline      its pipeline
     * @param steps         every attempt of the job
     * @param defaultScenes scene count when no stage has set one
     * @param now           the current time
     * @param random        uniform in [0, 1), for backoff jitter
     */
    public Plan plan(
            Job job,
            PipelineDefinition pipeline,
            List<StepRecord> steps,
            int defaultScenes,
            Instant now,
            DoubleSupplier random) {
        if (job.status().isTerminal()) {
            return Plan.WAIT;
        }
        Map<Slot, StepRecord> latest = latest(steps);
        boolean running = latest.values().stream().anyMatch(s -> s.status() == StepStatus.RUNNING);
        if (job.cancelRequested()) {
            return new Plan(List.of(), true, running ? null : new Plan.Cancelled());
        }
        List<Plan.NewStep> create = new ArrayList<>();
        for (StageDefinition stage : pipeline.stages()) {
            for (StepRecord step : latest.values()) {
                if (!step.stage().equals(stage.name()) || step.status() != StepStatus.FAILED) {
                    continue;
                }
                JobError error = step.error();
                String code = error == null ? "INTERNAL" : error.code();
                boolean retryable = error != null && error.retryable();
                if (!stage.retry().retries(code, retryable, step.attempt())) {
                    JobError failure = error == null
                            ? new JobError(
                                    code, "the step failed", false, stage.name(), step.sceneOrNull(), step.attempt())
                            : error.at(stage.name(), step.sceneOrNull(), step.attempt());
                    // siblings already running finish and keep their results, so a retry from this slot reuses them
                    // (docs/retries.md): nothing new starts, and the job fails once none runs
                    return new Plan(List.of(), true, running ? null : new Plan.Failed(failure));
                }
                Duration wait = stage.retry().backoff(step.attempt(), random);
                if (step.outputs().get(RETRY_AFTER_MS) instanceof Number asked && asked.longValue() > wait.toMillis()) {
                    wait = Duration.ofMillis(asked.longValue());
                }
                Instant from = step.finishedAt() == null ? now : step.finishedAt();
                create.add(new Plan.NewStep(
                        stage.name(), step.sceneOrder(), step.attempt() + 1, WorkQueue.RETRY, from.plus(wait)));
            }
        }
        int scenes = sceneCount(pipeline, latest, defaultScenes);
        boolean allDone = true;
        List<StageDefinition> stages = pipeline.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition stage = stages.get(i);
            for (int scene : scenesOf(stage, scenes)) {
                StepRecord existing = latest.get(new Slot(stage.name(), scene));
                if (existing != null) {
                    allDone &= existing.status().isDone();
                    continue;
                }
                allDone = false;
                if (ready(stages.subList(0, i), stage, scene, latest, scenes)) {
                    create.add(new Plan.NewStep(stage.name(), scene, 1, stage.queue(), null));
                }
            }
        }
        if (allDone && create.isEmpty()) {
            return new Plan(List.of(), false, new Plan.Succeeded());
        }
        return new Plan(create, false, null);
    }

    /** Share of the job's slots that are done, 0 to 100. */
    public int percent(PipelineDefinition pipeline, List<StepRecord> steps, int defaultScenes) {
        Map<Slot, StepRecord> latest = latest(steps);
        int scenes = sceneCount(pipeline, latest, defaultScenes);
        int total = 0;
        int done = 0;
        for (StageDefinition stage : pipeline.stages()) {
            for (int scene : scenesOf(stage, scenes)) {
                total++;
                StepRecord step = latest.get(new Slot(stage.name(), scene));
                if (step != null && step.status().isDone()) {
                    done++;
                }
            }
        }
        return total == 0 ? 100 : done * 100 / total;
    }

    /** The latest attempt of every slot. */
    public static Map<Slot, StepRecord> latest(List<StepRecord> steps) {
        Map<Slot, StepRecord> latest = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            latest.merge(step.slot(), step, (a, b) -> a.attempt() >= b.attempt() ? a : b);
        }
        return latest;
    }

    /** The latest done attempt of every slot that has one. */
    public static Map<Slot, StepRecord> done(List<StepRecord> steps) {
        Map<Slot, StepRecord> done = new LinkedHashMap<>();
        latest(steps).forEach((slot, step) -> {
            if (step.status().isDone()) {
                done.put(slot, step);
            }
        });
        return done;
    }

    /** The number of scenes: the latest {@code scene_count} a finished once-per-job stage returned, else the default. */
    public static int sceneCount(PipelineDefinition pipeline, Map<Slot, StepRecord> latest, int defaultScenes) {
        int scenes = Math.max(1, defaultScenes);
        for (StageDefinition stage : pipeline.stages()) {
            StepRecord step = latest.get(new Slot(stage.name(), 0));
            if (!stage.perScene()
                    && step != null
                    && step.status().isDone()
                    && step.outputs().get(SCENE_COUNT) instanceof Number n
                    && n.intValue() >= 1) {
                scenes = n.intValue();
            }
        }
        return scenes;
    }

    /**
     * Whether a slot may start: every earlier stage is done, scene by scene between per-scene stages (scene 2 of a
     * per-scene stage waits for scene 2 of an earlier per-scene stage only), whole otherwise. Every earlier stage, not
     * only the previous one: a retry records kept stages up front, some of them after a stage it runs again.
     */
    private static boolean ready(
            List<StageDefinition> earlier, StageDefinition stage, int scene, Map<Slot, StepRecord> latest, int scenes) {
        for (StageDefinition previous : earlier) {
            if (stage.perScene() && previous.perScene()) {
                if (!isDone(latest.get(new Slot(previous.name(), scene)))) {
                    return false;
                }
                continue;
            }
            for (int s : scenesOf(previous, scenes)) {
                if (!isDone(latest.get(new Slot(previous.name(), s)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDone(StepRecord step) {
        return step != null && step.status().isDone();
    }

    private static int[] scenesOf(StageDefinition stage, int scenes) {
        if (!stage.perScene()) {
            return new int[] {0};
        }
        int[] all = new int[scenes];
        for (int i = 0; i < scenes; i++) {
            all[i] = i + 1;
        }
        return all;
    }
}
