package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.capability.ProviderCalls;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.checkpoint.CheckpointKey;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.core.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one dispatched step: claims it (a conditional update, so duplicate or late deliveries do nothing), runs its
 * stage's handler while a heartbeat renews the lease and watches for cancellation and the stage's timeout, then
 * records the outcome, its files and its event and advances the job, in one transaction.
 *
 * <p>A step is stopped cooperatively, never by interrupting its thread: that thread also writes notes and the outcome
 * to the database, and an interrupt that lands inside file I/O closes the channel (an embedded H2 database closes for
 * good). The watchdog fires the step's {@link CancellationSignal}, which stages and adapters check between units of
 * work (docs/engine.md, "Stopping a step").
 */
public final class StepRunner {

    private static final System.Logger log = System.getLogger(StepRunner.class.getName());

    /** The retryable code of a step that met an unreachable asset store. */
    public static final String STORAGE_UNAVAILABLE = "STORAGE_UNAVAILABLE";
    /** The reason a step is told to stop when its worker shuts down; the step is handed back as {@code WORKER_LOST}. */
    public static final String SHUTTING_DOWN = "the worker is shutting down";
    /**
     * How long a told-to-stop step keeps its lease while its handler winds down; one that has not returned by then (it
     * ignores the signal, or waits on I/O without a timeout) lets the lease lapse, so the sweep gives it up.
     */
    public static final Duration STOP_GRACE = StepWatchdog.STOP_GRACE;
    /**
     * How long a worker goes on taking the next step of the job it works on itself ({@link EngineSettings#takesNext()})
     * after the claim of the step it was given; after that, ready steps go through the queue again, so the transport's
     * message is acknowledged (RabbitMQ closes a channel that holds one unacknowledged too long).
     */
    public static final Duration TAKE_NEXT_FOR = Duration.ofSeconds(30);

    private final JobEngine engine;
    private final JobRepository jobs;
    private final StepStore steps;
    private final AssetRepository assets;
    private final CheckpointStore checkpoints;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final StageHandlers handlers;
    private final EngineSettings settings;
    private final ScheduledExecutorService heartbeats;
    private final Clock clock;
    private final TempFiles temp;
    private final Set<StepWatchdog> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public StepRunner(
            JobEngine engine,
            JobRepository jobs,
            StepStore steps,
            AssetRepository assets,
            CheckpointStore checkpoints,
            BlobStore blobs,
            Transactions transactions,
            StageHandlers handlers,
            EngineSettings settings,
            ScheduledExecutorService heartbeats,
            Clock clock) {
        this(
                engine,
                jobs,
                steps,
                assets,
                checkpoints,
                blobs,
                transactions,
                handlers,
                settings,
                heartbeats,
                clock,
                TempFiles.system());
    }

    /**
     * @param temp where steps write local files too large to hold in memory (videos read from the store)
     */
    public StepRunner(
            JobEngine engine,
            JobRepository jobs,
            StepStore steps,
            AssetRepository assets,
            CheckpointStore checkpoints,
            BlobStore blobs,
            Transactions transactions,
            StageHandlers handlers,
            EngineSettings settings,
            ScheduledExecutorService heartbeats,
            Clock clock,
            TempFiles temp) {
        this.temp = temp;
        this.engine = engine;
        this.jobs = jobs;
        this.steps = steps;
        this.assets = assets;
        this.checkpoints = checkpoints;
        this.blobs = blobs;
        this.transactions = transactions;
        this.handlers = handlers;
        this.settings = settings;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /**
     * Runs the step {@code id} if it can be claimed.
     *
     * @param claimDecided called once the claim has committed or been refused, so a transport can acknowledge the
     *                     message; not called when the claim itself failed (the message should then come back); if it
     *                     throws, the step still runs
     * @return whether this call ran the step
     * @throws IllegalStateException when this worker is shutting down ({@link #stopAll()}); nothing was claimed
     */
    public boolean run(StepId id, Runnable claimDecided) {
        if (closed) {
            // before the claim: the message must come back, for another worker or the next start
            throw new IllegalStateException("this worker is shutting down; step " + id + " is left for another");
        }
        clearStrayInterrupt();
        Optional<Claimed> claimed = transactions.inTransaction(() -> claim(id));
        try {
            claimDecided.run();
        } catch (RuntimeException e) {
            // the claim is ours whatever the transport says; a redelivered message will find the step taken
            log.log(
                    System.Logger.Level.WARNING,
                    "could not acknowledge the message of step {0}: {1}",
                    id,
                    e.toString());
        }
        if (claimed.isEmpty()) {
            return false;
        }
        long began = System.nanoTime();
        Optional<Claimed> next = claimed;
        while (next.isPresent()) {
            boolean takeNext = System.nanoTime() - began < TAKE_NEXT_FOR.toNanos();
            next = execute(next.get(), takeNext);
        }
        return true;
    }

    private Optional<Claimed> claim(StepId id) {
        Instant now = clock.instant();
        // the job row first, then the step: every writer takes them in this order (cancel and advance lock the job and
        // then change its steps), so two transactions never wait for each other in a circle
        Optional<Job> locked = jobs.lockJobOf(id, steps);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Job job = locked.get();
        Optional<StepRecord> step = steps.claim(id, settings.workerId(), now, now.plus(settings.lease()));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        EventBatch batch = engine.batch(job.id(), now);
        if (job.status() == dev.campaignstudio.core.job.JobStatus.QUEUED) {
            job = engine.markStarted(job, now, batch);
        }
        List<StepRecord> all = steps.forJob(job.id());
        engine.reportStep(job, step.get(), StepStatus.RUNNING, List.of(), all, batch);
        batch.append();
        return Optional.of(new Claimed(job, step.get(), all));
    }

    /** @return the job's next step when this worker took it in the transaction that recorded this one */
    private Optional<Claimed> execute(Claimed claimed, boolean takeNext) {
        StepRecord step = claimed.step();
        PipelineDefinition pipeline = engine.pipeline(claimed.job());
        StageDefinition stage = pipeline.stage(step.stage())
                .orElseThrow(
                        () -> new IllegalStateException("stage " + step.stage() + " is not in the job's pipeline"));
        CancellationSignal signal = new CancellationSignal();
        boolean retryTarget = claimed.job().request() instanceof RetryRequest retry
                && pipeline.retryTarget(retry.target().stage()).equals(step.stage());
        StepContext context = new StepContext(
                claimed.job(),
                step,
                JobPlanner.done(claimed.all()),
                engine.inputs(claimed.job()).orElse(null),
                signal,
                blobs,
                assets,
                clock,
                new RunnerNotebook(),
                retryTarget,
                temp);
        StepWatchdog watchdog = new StepWatchdog(steps, settings, clock, step, stage, signal);
        Outcome outcome;
        running.add(watchdog);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(
                watchdog, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        ProviderCalls.drain();
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread();
                CancellationSignal.Binding journal = StepJournal.bind(journalOf(context))) {
            if (closed) {
                watchdog.stop(SHUTTING_DOWN);
            }
            outcome = withCalls(attempt(stage, context, signal), ProviderCalls.drain());
        } finally {
            beat.cancel(false);
            synchronized (running) {
                running.remove(watchdog);
                running.notifyAll();
            }
        }
        clearStrayInterrupt();
        return record(claimed, outcome, context, takeNext ? taker(step) : null);
    }

    /**
     * This worker as the taker of a next step of the queue of {@code finished} (the queue it works for, so that queue's
     * concurrency holds), or {@code null} when it takes none.
     */
    private JobEngine.Taker taker(StepRecord finished) {
        if (closed || !settings.takesNext().contains(finished.queue())) {
            return null;
        }
        return new JobEngine.Taker(settings.workerId(), settings.lease(), finished.queue());
    }

    /**
     * Tells every step running here to stop because the worker is shutting down, and refuses new claims ({@link #run}
     * throws): each records its step handed back ({@code WORKER_LOST}, retried by the engine after its backoff) as soon
     * as its handler returns.
     */
    public void stopAll() {
        closed = true;
        running.forEach(w -> w.stop(SHUTTING_DOWN));
    }

    /**
     * Waits until no step runs here, at most {@code limit}.
     *
     * @return whether none runs
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /**
     * Nothing interrupts a step's thread on purpose; should anything have, the flag is dropped before database work, as
     * an interrupted thread that touches a file channel closes it (and an embedded database with it).
     */
    private static void clearStrayInterrupt() {
        if (Thread.interrupted()) {
            log.log(
                    System.Logger.Level.WARNING,
                    "a step thread was interrupted; stopping is the cancellation signal's job, the interrupt is ignored");
        }
    }

    private Outcome attempt(StageDefinition stage, StepContext context, CancellationSignal signal) {
        Optional<StageHandler> handler = handlers.forStage(stage.name());
        if (handler.isEmpty()) {
            return Outcome.failure(
                    "CAPABILITY_UNAVAILABLE", "no adapter serves the " + stage.name() + " stage in this build", false);
        }
        try {
            StepResult result = handler.get().execute(context);
            if (signal.isCancelled()) {
                return stopped(signal);
            }
            if (result instanceof StepResult.Succeeded ok) {
                return new Outcome(
                        StepStatus.SUCCEEDED,
                        ok.inputs(),
                        ok.outputs(),
                        null,
                        ok.adapter(),
                        ok.checkpoint(),
                        List.of());
            }
            if (result instanceof StepResult.Reused reused) {
                ProductCheckpoint from = reused.checkpoint();
                return new Outcome(
                        StepStatus.REUSED, reused.inputs(), from.outputs(), null, from.adapter(), null, from.assets());
            }
            StepResult.Rejected rejected = (StepResult.Rejected) result;
            return new Outcome(
                    StepStatus.FAILED,
                    Map.of(),
                    rejected.details(),
                    new JobError(
                            rejected.code(),
                            rejected.message(),
                            false,
                            context.stage(),
                            context.sceneOrder(),
                            context.attempt(),
                            rejected.details()),
                    null,
                    null,
                    List.of());
        } catch (StepFault fault) {
            if (signal.isCancelled()) {
                return stopped(signal);
            }
            Outcome failure = Outcome.failure(fault.code(), fault.getMessage(), fault.retryable());
            if (fault.retryAfter() != null) {
                return new Outcome(
                        failure.status(),
                        Map.of(),
                        Map.of(JobPlanner.RETRY_AFTER_MS, fault.retryAfter().toMillis()),
                        failure.error(),
                        null,
                        null,
                        List.of());
            }
            return failure;
        } catch (StepStopped stop) {
            return stopped(signal);
        } catch (InterruptedException interrupted) {
            return signal.isCancelled()
                    ? stopped(signal)
                    : Outcome.failure("INTERNAL", "the step was interrupted", false);
        } catch (Exception bug) {
            if (signal.isCancelled()) {
                return stopped(signal);
            }
            if (BlobStoreUnavailableException.in(bug)) {
                log.log(
                        System.Logger.Level.WARNING,
                        "stage {0}: the asset store is unavailable: {1}",
                        stage.name(),
                        bug.toString());
                return Outcome.failure(
                        STORAGE_UNAVAILABLE, "the asset store could not be reached; the step is tried again", true);
            }
            log.log(System.Logger.Level.ERROR, "stage " + stage.name() + " failed unexpectedly", bug);
            return Outcome.failure(
                    "INTERNAL", "the " + stage.name() + " stage failed unexpectedly; the failure is logged", false);
        }
    }

    /** The outcome with the remote calls its adapters made listed under {@code provider_calls}. */
    private static Outcome withCalls(Outcome outcome, List<ProviderCalls.Call> calls) {
        if (calls.isEmpty() || outcome.status() == StepStatus.REUSED) {
            return outcome;
        }
        Map<String, Object> outputs = new java.util.LinkedHashMap<>(outcome.outputs());
        outputs.put(
                ProviderCalls.OUTPUT,
                calls.stream().map(ProviderCalls.Call::toTree).toList());
        return new Outcome(
                outcome.status(),
                outcome.inputs(),
                outputs,
                outcome.error(),
                outcome.adapter(),
                outcome.checkpoint(),
                outcome.reusedAssets());
    }

    private static Outcome stopped(CancellationSignal signal) {
        if (StepWatchdog.TIMEOUT.equals(signal.reason())) {
            return Outcome.failure("STEP_TIMEOUT", "the step ran past its stage's time limit", true);
        }
        if (SHUTTING_DOWN.equals(signal.reason())) {
            return Outcome.failure("WORKER_LOST", "the worker shut down while running this step", true);
        }
        return Outcome.failure(
                "STOPPED", "the step was stopped" + (signal.isCancelled() ? ": " + signal.reason() : ""), false);
    }

    private Optional<Claimed> record(Claimed claimed, Outcome outcome, StepContext context, JobEngine.Taker taker) {
        StepRecord step = claimed.step();
        List<ProducedAsset> produced = context.produced();
        return transactions.inTransaction(() -> {
            Job job = jobs.lock(step.jobId()).orElseThrow();
            Instant now = clock.instant();
            JobError error = outcome.error() == null
                    ? null
                    : outcome.error().at(step.stage(), step.sceneOrNull(), step.attempt());
            List<StepRecord.StepAsset> existing = new ArrayList<>(outcome.reusedAssets());
            if (outcome.status() == StepStatus.SUCCEEDED) {
                existing.addAll(context.attached());
            }
            List<StepRecord.StepAsset> refs = new ArrayList<>(existing);
            context.noted()
                    .forEach(p ->
                            refs.add(new StepRecord.StepAsset(p.asset().id().value(), p.role())));
            produced.forEach(
                    p -> refs.add(new StepRecord.StepAsset(p.asset().id().value(), p.role())));
            if (!steps.finish(
                    step.id(),
                    settings.workerId(),
                    outcome.status(),
                    outcome.inputs(),
                    outcome.outputs(),
                    refs,
                    error,
                    outcome.adapter(),
                    now)) {
                log.log(
                        System.Logger.Level.INFO,
                        "step {0} finished after its lease was given up; its result is discarded",
                        step.id());
                return Optional.<Claimed>empty();
            }
            produced.forEach(p -> assets.insertProduced(p.asset(), step.jobId(), step.id()));
            if (outcome.checkpoint() != null) {
                checkpoints.save(
                        new ProductCheckpoint(
                                outcome.checkpoint(),
                                ProviderCalls.without(outcome.outputs()),
                                refs,
                                outcome.adapter(),
                                step.jobId(),
                                now),
                        step.id());
            }
            List<Map<String, Object>> described = new ArrayList<>();
            for (StepRecord.StepAsset ref : existing) {
                assets.find(new AssetId(ref.assetId()))
                        .ifPresent(a -> described.add(Manifests.describe(a, ref.role(), step.sceneOrNull())));
            }
            produced.forEach(p -> described.add(Manifests.describe(p.asset(), p.role(), step.sceneOrNull())));
            List<StepRecord> all = steps.forJob(step.jobId());
            EventBatch batch = engine.batch(job.id(), now);
            engine.reportStep(job, step, outcome.status(), described, all, batch);
            Optional<StepRecord> taken = engine.advance(job, all, taker, batch);
            if (taken.isEmpty()) {
                batch.append();
                return Optional.<Claimed>empty();
            }
            List<StepRecord> withTaken = new ArrayList<>(all);
            withTaken.add(taken.get());
            engine.reportStep(job, taken.get(), StepStatus.RUNNING, List.of(), withTaken, batch);
            batch.append();
            return Optional.of(new Claimed(job, taken.get(), withTaken));
        });
    }

    /** The step's notes as adapters see them ({@link StepJournal}): written and read through the step's context. */
    private static StepJournal journalOf(StepContext context) {
        return new StepJournal() {
            @Override
            public List<Map<String, Object>> read() {
                return context.notes().stream().map(StepNote::note).toList();
            }

            @Override
            public void write(Map<String, Object> note) throws StepFault {
                context.note(note, List.of());
            }
        };
    }

    /** Writes notes in their own transaction, with their files, and reports each as a {@code progress} event. */
    private final class RunnerNotebook implements StepContext.Notebook {

        @Override
        public void write(StepRecord step, Map<String, Object> note, List<ProducedAsset> files) {
            clearStrayInterrupt();
            transactions.inTransaction(() -> {
                Job job = jobs.lock(step.jobId()).orElseThrow();
                Instant now = clock.instant();
                List<StepRecord.StepAsset> refs = files.stream()
                        .map(p -> new StepRecord.StepAsset(p.asset().id().value(), p.role()))
                        .toList();
                if (!steps.note(step.id(), settings.workerId(), note, refs, now)) {
                    throw new IllegalStateException("step " + step.id() + " is no longer held by this worker");
                }
                files.forEach(p -> assets.insertProduced(p.asset(), step.jobId(), step.id()));
                engine.reportNote(
                        job,
                        step,
                        note,
                        files.stream()
                                .map(p -> Manifests.describe(p.asset(), p.role(), step.sceneOrNull()))
                                .toList(),
                        now);
                return null;
            });
        }

        @Override
        public List<StepNote> read(StepRecord step) {
            return steps.notes(step.jobId(), step.stage(), step.sceneOrder());
        }
    }

    private record Claimed(Job job, StepRecord step, List<StepRecord> all) {}

    private record Outcome(
            StepStatus status,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            JobError error,
            String adapter,
            CheckpointKey checkpoint,
            List<StepRecord.StepAsset> reusedAssets) {
        static Outcome failure(String code, String message, boolean retryable) {
            return new Outcome(
                    StepStatus.FAILED,
                    Map.of(),
                    Map.of(),
                    new JobError(code, message, retryable, null, null, 0),
                    null,
                    null,
                    List.of());
        }
    }
}
