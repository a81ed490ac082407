package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepRecord.Slot;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.pipeline.JobInputs;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.in.CancelJob;
import dev.campaignstudio.core.port.in.CancelOutcome;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.core.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The durable step engine's decisions: starting a job, advancing it after each step, cancelling it, and recovering
 * steps whose worker vanished. Every change to a job happens with its row locked, in the transaction that writes the
 * step change and the events that report it.
 */
public final class JobEngine implements JobStarter, CancelJob {

    private static final System.Logger log = System.getLogger(JobEngine.class.getName());

    private final JobRepository jobs;
    private final StepStore steps;
    private final EventLog events;
    private final AssetRepository assets;
    private final Transactions transactions;
    private final PipelineRouter router;
    private final RetryPlanner retries;
    private final Clock clock;
    private final DoubleSupplier random;
    private final DownloadLinks links;
    private final JobPlanner planner = new JobPlanner();

    public JobEngine(
            JobRepository jobs,
            StepStore steps,
            EventLog events,
            AssetRepository assets,
            Transactions transactions,
            PipelineRouter router,
            RetryPlanner retries,
            Clock clock,
            DoubleSupplier random) {
        this(jobs, steps, events, assets, transactions, router, retries, clock, random, DownloadLinks.NONE);
    }

    /** @param links makes the {@code download_url} of each output in a finished job's manifest */
    public JobEngine(
            JobRepository jobs,
            StepStore steps,
            EventLog events,
            AssetRepository assets,
            Transactions transactions,
            PipelineRouter router,
            RetryPlanner retries,
            Clock clock,
            DoubleSupplier random,
            DownloadLinks links) {
        this.links = links;
        this.jobs = jobs;
        this.steps = steps;
        this.events = events;
        this.assets = assets;
        this.transactions = transactions;
        this.router = router;
        this.retries = retries;
        this.clock = clock;
        this.random = random;
    }

    /** The pipeline a job runs: its mode's, without the stages that do not apply to its inputs. */
    public PipelineDefinition pipeline(Job job) {
        PipelineDefinition routed = router.route(job.mode());
        return inputs(job).map(routed::applicableTo).orElse(routed);
    }

    /** What a job's stages work from (retry changes applied); empty only when a retry's chain is broken. */
    public Optional<JobInputs> inputs(Job job) {
        return retries.inputs(job);
    }

    /** Effective output settings of a job, or {@code null} for creation jobs. */
    public OutputSettings settings(Job job) {
        return inputs(job).map(JobInputs::settings).orElse(null);
    }

    /**
     * {@inheritDoc} The job was stored in this transaction, so its row is this transaction's already and a creation
     * job has no step yet: only a retry, which records the steps it reuses first, reads them back.
     */
    @Override
    public void start(Job job) {
        if (job.request() instanceof RetryRequest retry) {
            reuseKeptSteps(job, retry);
            advance(job.id());
            return;
        }
        advance(job, List.of());
    }

    /**
     * Decides what happens next for a job and does it: creates and dispatches the steps that became ready, schedules
     * re-attempts, or ends the job. Call inside the transaction that made the change that prompted it.
     */
    public void advance(JobId id) {
        Job job = jobs.lock(id).orElseThrow(() -> new IllegalStateException("no job " + id));
        if (job.status().isTerminal()) {
            return;
        }
        advance(job, steps.forJob(id));
    }

    /**
     * {@link #advance(JobId)} for a caller that holds the job's lock in this transaction and has just read its steps
     * (a round trip fewer for every step: docs/engine.md "Where the time goes").
     *
     * @param job the job as locked in this transaction
     * @param all every step of the job, read after the change that prompted this
     */
    void advance(Job job, List<StepRecord> all) {
        advance(job, all, null);
    }

    /**
     * {@link #advance(Job, List)} for the worker that has just finished a step of the job: of the steps that become
     * ready now, it takes the first that {@code taker} can run itself, stored already claimed under its lease and with
     * no dispatch (the queue hop skipped; docs/engine.md "Where the time goes"). The rest are dispatched as usual.
     *
     * @param taker the finishing worker, or {@code null} to dispatch every ready step
     * @return the step taken, running under the taker's lease, if any; report it and run it after the commit
     */
    Optional<StepRecord> advance(Job job, List<StepRecord> all, Taker taker) {
        EventBatch batch = batch(job.id(), clock.instant());
        Optional<StepRecord> taken = advance(job, all, taker, batch);
        batch.append();
        return taken;
    }

    /**
     * {@link #advance(Job, List, Taker)} that adds its events to {@code batch}, for the caller to append.
     *
     * @param batch the events of this transaction; its time is the time of the change
     */
    Optional<StepRecord> advance(Job job, List<StepRecord> all, Taker taker, EventBatch batch) {
        if (job.status().isTerminal()) {
            return Optional.empty();
        }
        JobId id = job.id();
        Instant now = batch.at();
        PipelineDefinition pipeline = pipeline(job);
        Plan plan = planner.plan(job, pipeline, all, defaultScenes(job), now, random);
        StepRecord taken = null;
        for (Plan.NewStep next : plan.newSteps()) {
            StepRecord step = StepRecord.pending(
                    StepId.next(clock),
                    id,
                    next.stage(),
                    next.sceneOrder(),
                    next.attempt(),
                    next.queue(),
                    now,
                    next.notBefore());
            if (taken == null
                    && taker != null
                    && next.notBefore() == null
                    && !plan.skipPending()
                    && plan.ending() == null
                    && taker.takes(next.queue())) {
                StepRecord claimed = step.claimedBy(taker.owner(), now, now.plus(taker.lease()));
                if (steps.insert(claimed, now)) {
                    taken = claimed;
                }
                continue;
            }
            steps.insert(step, next.notBefore() == null ? now : next.notBefore());
        }
        if (plan.skipPending()) {
            steps.skipPending(id, now);
        }
        if (plan.ending() != null) {
            boolean current = plan.newSteps().isEmpty() && !plan.skipPending();
            end(job, plan.ending(), pipeline, now, current ? all : null, batch);
        }
        return Optional.ofNullable(taken);
    }

    /**
     * A worker that takes a step it made ready itself.
     *
     * @param owner its lease name
     * @param lease how long its claim holds without renewal
     * @param queue the queue it works for: it takes only a step of that queue, so each queue's concurrency holds
     */
    record Taker(String owner, Duration lease, WorkQueue queue) {

        boolean takes(WorkQueue queue) {
            return this.queue == queue;
        }
    }

    /** @param all the job's steps as they stand, or {@code null} to read them */
    private void end(
            Job job,
            Plan.Ending ending,
            PipelineDefinition pipeline,
            Instant now,
            List<StepRecord> all,
            EventBatch batch) {
        if (ending instanceof Plan.Succeeded) {
            Job running = job.status() == JobStatus.QUEUED ? markStarted(job, now, batch) : job;
            Map<String, Object> manifest =
                    Manifests.build(pipeline, all != null ? all : steps.forJob(job.id()), assets::find, links);
            jobs.update(running.succeeded(manifest, now));
            batch.add(JobEventType.COMPLETED, Map.of("manifest", manifest));
        } else if (ending instanceof Plan.Failed failed) {
            jobs.update(job.failed(failed.error(), now));
            batch.add(JobEventType.FAILED, Map.of("error", failed.error().toTree()));
        } else {
            jobs.update(job.cancelled(now));
            batch.add(JobEventType.CANCELLED, Map.of());
        }
    }

    /** The events one transaction reports for {@code job}, to append together before it commits. */
    EventBatch batch(JobId job, Instant at) {
        return new EventBatch(events, job, at);
    }

    /** Marks a queued job running and reports it; call with the job locked. */
    Job markStarted(Job job, Instant now) {
        EventBatch batch = batch(job.id(), now);
        Job started = markStarted(job, now, batch);
        batch.append();
        return started;
    }

    /** {@link #markStarted(Job, Instant)} that adds its event to {@code batch}. */
    Job markStarted(Job job, Instant now, EventBatch batch) {
        Job started = job.started(now);
        jobs.update(started);
        batch.add(JobEventType.STARTED, Map.of());
        return started;
    }

    /**
     * Asks a job to stop: no new step starts, pending steps are skipped, running steps are told to stop at their next
     * heartbeat, and the job ends {@code cancelled} once none is running.
     */
    @Override
    public CancelOutcome cancel(JobId id) {
        return transactions.inTransaction(() -> {
            Optional<Job> found = jobs.lock(id);
            if (found.isEmpty()) {
                return new CancelOutcome.NotFound();
            }
            if (found.get().status().isTerminal()) {
                return new CancelOutcome.AlreadyFinished(found.get());
            }
            if (!found.get().cancelRequested()) {
                jobs.update(found.get().cancelRequested(clock.instant()));
            }
            advance(id);
            return new CancelOutcome.Accepted(jobs.find(id).orElseThrow());
        });
    }

    /**
     * Recovers from vanished workers and lost messages: running steps whose lease lapsed fail as {@code WORKER_LOST} (so
     * their stage's retry policy decides), and pending steps whose dispatch went unclaimed for
     * {@code redispatchAfter} are dispatched again.
     *
     * @return how many steps were given up and how many re-dispatched
     */
    public SweepResult sweep(Duration redispatchAfter) {
        Instant now = clock.instant();
        int givenUp = 0;
        for (StepRecord lapsed : steps.lapsed(now, 200)) {
            if (giveUp(
                    lapsed,
                    "the worker running this step stopped renewing its lease",
                    error -> steps.giveUp(lapsed.id(), error, now),
                    now)) {
                givenUp++;
            }
        }
        int redispatched = transactions.inTransaction(() -> steps.redispatchLost(now, now.minus(redispatchAfter)));
        return new SweepResult(givenUp, redispatched);
    }

    /**
     * Gives up at once, whatever their leases, the steps still running under {@code deadWorker}, a worker known to be
     * gone: an embedded process's previous incarnation, as one process at a time owns a data directory. They fail as
     * {@code WORKER_LOST}, so their stages' retry policies start new attempts now rather than when the leases lapse.
     *
     * @return how many steps were given up
     */
    public int recover(String deadWorker) {
        Instant now = clock.instant();
        int givenUp = 0;
        List<StepRecord> held;
        do {
            held = steps.heldBy(deadWorker, 200);
            for (StepRecord step : held) {
                if (giveUp(
                        step,
                        "the process running this step ended before it finished",
                        error -> steps.giveUpHeldBy(step.id(), deadWorker, error, now),
                        now)) {
                    givenUp++;
                }
            }
        } while (held.size() == 200);
        return givenUp;
    }

    private boolean giveUp(StepRecord step, String why, Predicate<JobError> conditionalGiveUp, Instant now) {
        boolean done = transactions.inTransaction(() -> {
            Job job = jobs.lock(step.jobId()).orElseThrow();
            JobError error = new JobError("WORKER_LOST", why, true, step.stage(), step.sceneOrNull(), step.attempt());
            if (!conditionalGiveUp.test(error)) {
                return false;
            }
            reportStep(job, step, StepStatus.FAILED, List.of(), now);
            advance(step.jobId());
            return true;
        });
        if (done) {
            log.log(
                    System.Logger.Level.WARNING,
                    "gave up step {0} ({1} scene {2}) of {3}: {4}",
                    step.id(),
                    step.stage(),
                    step.sceneOrder(),
                    step.jobId(),
                    why);
        }
        return done;
    }

    /**
     * Reports a step's change as a {@code progress} event.
     *
     * @param newAssets descriptions of files it made, possibly empty
     */
    void reportStep(Job job, StepRecord step, StepStatus status, List<Map<String, Object>> newAssets, Instant now) {
        reportStep(job, step, status, newAssets, now, steps.forJob(job.id()));
    }

    /**
     * {@link #reportStep(Job, StepRecord, StepStatus, List, Instant)} with the job's steps as just read.
     *
     * @param all every step of the job, read after the change reported
     */
    void reportStep(
            Job job,
            StepRecord step,
            StepStatus status,
            List<Map<String, Object>> newAssets,
            Instant now,
            List<StepRecord> all) {
        EventBatch batch = batch(job.id(), now);
        reportStep(job, step, status, newAssets, all, batch);
        batch.append();
    }

    /** {@link #reportStep(Job, StepRecord, StepStatus, List, Instant, List)} that adds its event to {@code batch}. */
    void reportStep(
            Job job,
            StepRecord step,
            StepStatus status,
            List<Map<String, Object>> newAssets,
            List<StepRecord> all,
            EventBatch batch) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stage", step.stage());
        data.put("scene_order", step.sceneOrNull());
        data.put("status", status.wire());
        data.put("attempt", step.attempt());
        data.put("percent", planner.percent(pipeline(job), all, defaultScenes(job)));
        if (!newAssets.isEmpty()) {
            data.put("assets", newAssets);
        }
        batch.add(JobEventType.PROGRESS, data);
    }

    /** Reports a running step's note as a {@code progress} event, with the files that came with it. */
    void reportNote(
            Job job, StepRecord step, Map<String, Object> note, List<Map<String, Object>> newAssets, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stage", step.stage());
        data.put("scene_order", step.sceneOrNull());
        data.put("status", StepStatus.RUNNING.wire());
        data.put("attempt", step.attempt());
        data.put("percent", planner.percent(pipeline(job), steps.forJob(job.id()), defaultScenes(job)));
        data.put("note", note);
        if (!newAssets.isEmpty()) {
            data.put("assets", newAssets);
        }
        events.append(job.id(), JobEventType.PROGRESS, data, now);
    }

    private int defaultScenes(Job job) {
        OutputSettings settings = settings(job);
        return settings == null || settings.sceneCount() == null ? 1 : settings.sceneCount();
    }

    /**
     * A retry keeps every output it does not run again: the stages before its target, the later stages that do not
     * build on anything run again ({@link PipelineDefinition#rerunFrom}), the target's scenes before
     * {@code scene_order}, and those scenes of the per-scene stages run again that follow the target scene by scene.
     * They are recorded as {@code reused} attempts carrying the earlier job's outputs and files (referenced, not
     * copied); everything else runs again.
     */
    private void reuseKeptSteps(Job job, RetryRequest retry) {
        PipelineDefinition pipeline = pipeline(job);
        Map<Slot, StepRecord> earlier = JobPlanner.done(steps.forJob(retry.jobId()));
        List<StageDefinition> stages = pipeline.stages();
        String targetName = pipeline.retryTarget(retry.target().stage());
        int target = pipeline.stageNames().indexOf(targetName);
        Set<String> rerun = pipeline.rerunFrom(
                targetName, retry.prompt() != null || !retry.settings().isEmpty());
        int fromScene = retry.target().sceneOrder() == null ? 1 : retry.target().sceneOrder();
        Instant now = clock.instant();
        boolean chained = true;
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition stage = stages.get(i);
            boolean runsAgain = rerun.contains(stage.name());
            if (i > target && runsAgain) {
                chained &= stage.perScene() && stages.get(target).perScene();
            }
            for (StepRecord kept : earlier.values()) {
                if (!kept.stage().equals(stage.name())) {
                    continue;
                }
                boolean keep =
                        !runsAgain || ((i == target || chained) && stage.perScene() && kept.sceneOrder() < fromScene);
                if (keep) {
                    steps.insert(
                            new StepRecord(
                                    StepId.next(clock),
                                    job.id(),
                                    kept.stage(),
                                    kept.sceneOrder(),
                                    1,
                                    StepStatus.REUSED,
                                    stage.queue(),
                                    kept.inputs(),
                                    ProviderCalls.without(kept.outputs()),
                                    kept.assets(),
                                    null,
                                    kept.adapter(),
                                    null,
                                    null,
                                    null,
                                    0,
                                    now,
                                    now,
                                    now),
                            now);
                }
            }
        }
    }

    /**
     * What a sweep did.
     *
     * @param givenUp      running steps failed as {@code WORKER_LOST}
     * @param redispatched pending steps dispatched again
     */
    public record SweepResult(int givenUp, int redispatched) {}
}
