package dev.campaignstudio.bench.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chaos run: the environment started, a mixed load submitted while the seeded faults are injected one after the
 * other (each waited out until the system has visibly recovered), then every job awaited and the checks made. See
 * docs/operations.md "Fault and load suite".
 */
public final class ChaosRun {

    private static final Duration MID_STEP_WAIT = Duration.ofSeconds(60);

    private final ChaosPlan plan;
    private final ChaosEnvironment env;
    private final Deadline deadline;
    private final PrintStream progress;
    private final long startNanos = System.nanoTime();
    private final List<ChaosReport.FaultResult> results = new ArrayList<>();
    private final AtomicReference<Throwable> loadFailure = new AtomicReference<>();
    private volatile boolean scheduleDone;
    private Load load;
    private int killsMidStep;
    private int unexpectedExits;

    private ChaosRun(ChaosPlan plan, ChaosEnvironment env, Deadline deadline, PrintStream progress) {
        this.plan = plan;
        this.env = env;
        this.deadline = deadline;
        this.progress = progress;
    }

    /**
     * Runs the plan against the target and reports what it found; the environment is removed afterwards.
     *
     * @param progress where a line per phase and per fault goes
     */
    public static ChaosReport run(ChaosPlan plan, ChaosTarget target, PrintStream progress) throws Exception {
        Deadline deadline = new Deadline(plan.deadline());
        try (ChaosEnvironment env = new ChaosEnvironment(target)) {
            progress.println("chaos: run " + env.run + ", logs in " + env.logs + "; starting S3Proxy, the API and two"
                    + " workers");
            env.start(deadline, plan.quickStartWorkers());
            return new ChaosRun(plan, env, deadline, progress).execute();
        }
    }

    private ChaosReport execute() throws Exception {
        load = new Load(env.apiPort, ChaosEnvironment.TOKEN, env.receiver.url(), env.run);
        load.uploadProducts(deadline);
        Thread loader = new Thread(this::submitLoop, "chaos-load");
        loader.setDaemon(true);
        loader.start();
        List<FaultSchedule.Fault> faults =
                FaultSchedule.draw(plan.seed(), plan.workerKills(), plan.outages(), plan.minPause(), plan.maxPause());
        progress.println("chaos: " + faults.size() + " faults, seed " + plan.seed() + "; at least " + plan.minJobs()
                + " jobs, " + plan.inFlight() + " at a time");
        for (FaultSchedule.Fault fault : faults) {
            deadline.hold(fault.pause());
            failIfLoadFailed();
            supervise();
            ChaosReport.FaultResult result = inject(fault);
            results.add(result);
            progress.println(String.format(
                    Locale.ROOT,
                    "chaos: %6.1f s  %-26s %-8s recovered in %5.1f s (%s)",
                    result.atSeconds(),
                    fault.kind().label,
                    result.target(),
                    result.recovery().toMillis() / 1000.0,
                    result.note()));
        }
        scheduleDone = true;
        while (loader.isAlive()) {
            loader.join(1000);
            failIfLoadFailed();
            deadline.check("the load to end");
        }
        failIfLoadFailed();
        String unsettled = settle();
        supervise();
        return ChaosReport.collect(
                plan,
                env,
                load,
                results,
                killsMidStep,
                unexpectedExits,
                unsettled,
                (System.nanoTime() - startNanos) / 1e9);
    }

    private void submitLoop() {
        try {
            int index = 0;
            while (!(scheduleDone && index >= plan.minJobs())) {
                if (index - finished() < plan.inFlight()) {
                    load.submit(index++, deadline);
                } else {
                    deadline.hold(Duration.ofMillis(300));
                }
            }
        } catch (Throwable failure) {
            loadFailure.set(failure);
        }
    }

    private long finished() throws java.sql.SQLException {
        return load.submitted().size() - env.ledger.unfinishedJobs();
    }

    private void failIfLoadFailed() throws Exception {
        Throwable failure = loadFailure.get();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Any process that ended without being killed is counted and started again, as a supervisor would. */
    private void supervise() throws Exception {
        List<StudioProcess> all = new ArrayList<>(env.workers);
        all.add(env.api);
        for (StudioProcess process : all) {
            if (!process.alive()) {
                unexpectedExits++;
                progress.println("chaos: " + process.name() + " exited on its own with " + process.exitValue()
                        + " (see " + process.log() + "); starting it again");
                process.start();
                process.awaitReady(deadline);
            }
        }
    }

    private ChaosReport.FaultResult inject(FaultSchedule.Fault fault) throws Exception {
        double at = (System.nanoTime() - startNanos) / 1e9;
        switch (fault.kind()) {
            case WORKER_KILL:
                return killWorker(fault, at);
            case API_KILL:
                return killApi(at);
            case BROKER_CUT:
                env.brokerLink.cut();
                env.brokerLink.restore();
                return recovered(fault, at, "a step claimed after", since -> env.ledger.stepsStartedAfter(since) > 0);
            case BROKER_OUTAGE:
                env.brokerLink.cut();
                deadline.hold(fault.hold());
                env.brokerLink.restore();
                return recovered(fault, at, "a step claimed after", since -> env.ledger.stepsStartedAfter(since) > 0);
            case DATABASE_OUTAGE:
                env.databaseLink.cut();
                deadline.hold(fault.hold());
                env.databaseLink.restore();
                return recovered(
                        fault, at, "a step committed after", since -> env.ledger.stepsFinishedAfter(since) > 0);
            case STORE_OUTAGE:
                ObjectStoreProcess standby = env.newStore();
                standby.start(deadline);
                env.storeLink.cut();
                env.store.stop(deadline);
                deadline.hold(fault.hold());
                env.storeLink.retarget(standby.port());
                env.store = standby;
                env.storeLink.restore();
                return recovered(
                        fault,
                        at,
                        "a file stored after",
                        since -> env.ledger.count(
                                        "SELECT COUNT(*) FROM assets WHERE created_at > ?",
                                        java.sql.Timestamp.from(since))
                                > 0);
            case RECEIVER_DOWN:
                env.receiver.stop();
                deadline.hold(fault.hold());
                env.receiver.start(deadline);
                long back = System.nanoTime();
                return recovered(fault, at, "a callback received after", since -> env.receiver.lastValidNanos() > back);
            default:
                throw new IllegalArgumentException("no such fault: " + fault.kind());
        }
    }

    /** A probe of recovery, asked of the time the fault ended. */
    private interface Probe {
        boolean recovered(Instant since) throws Exception;
    }

    private ChaosReport.FaultResult recovered(FaultSchedule.Fault fault, double at, String measure, Probe probe)
            throws InterruptedException {
        Instant since = Instant.now();
        long from = System.nanoTime();
        deadline.await(measure + " the " + fault.kind().label, () -> probe.recovered(since));
        Duration recovery = Duration.ofNanos(System.nanoTime() - from);
        String held = fault.hold().isZero() ? "" : ", down " + fault.hold().toSeconds() + " s";
        return new ChaosReport.FaultResult(fault.kind(), "", at, recovery, measure + " it" + held);
    }

    private ChaosReport.FaultResult killApi(double at) throws Exception {
        long from = System.nanoTime();
        env.api.kill();
        env.api.start();
        env.api.awaitReady(deadline);
        return new ChaosReport.FaultResult(
                FaultSchedule.Kind.API_KILL,
                "api",
                at,
                Duration.ofNanos(System.nanoTime() - from),
                "restarted and ready");
    }

    private ChaosReport.FaultResult killWorker(FaultSchedule.Fault fault, double at) throws Exception {
        StudioProcess worker = env.workers.get(fault.target());
        long waitUntil = System.nanoTime() + MID_STEP_WAIT.toNanos();
        List<Ledger.Slot> running = env.ledger.runningOn(worker.pid());
        while (running.isEmpty() && System.nanoTime() < waitUntil) {
            deadline.hold(Duration.ofMillis(200));
            running = env.ledger.runningOn(worker.pid());
        }
        long from = System.nanoTime();
        worker.kill();
        worker.start();
        List<Ledger.Slot> lost = running;
        deadline.await("the steps of the killed " + worker.name() + " to succeed again", () -> {
            for (Ledger.Slot slot : lost) {
                if (!env.ledger.recovered(slot)) {
                    return false;
                }
            }
            return true;
        });
        Duration recovery = Duration.ofNanos(System.nanoTime() - from);
        worker.awaitReady(deadline);
        double restart = (System.nanoTime() - from) / 1e9;
        if (!lost.isEmpty()) {
            killsMidStep++;
        }
        String note = lost.isEmpty() ? "idle at the kill" : lost.size() + " running step(s) succeeded again";
        return new ChaosReport.FaultResult(
                fault.kind(),
                worker.name(),
                at,
                lost.isEmpty() ? Duration.ZERO : recovery,
                String.format(Locale.ROOT, "%s; back up in %.1f s", note, restart));
    }

    /** Waits until every job ended and every event reached the receiver; says what did not, or null. */
    private String settle() {
        try {
            deadline.await(
                    "every job to end and every event to reach the receiver",
                    () -> env.ledger.unfinishedJobs() == 0
                            && env.ledger.undeliveredCallbacks() == 0
                            && ChaosReport.eventsLost(env, load) == 0);
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IllegalStateException late) {
            return late.getMessage();
        }
    }
}
