package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.StepStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running step's heartbeat: renews its lease and tells it to stop, through its signal and never by interrupting its
 * thread, when the job no longer wants it, its stage's time is up or the lease was lost. A stopped step keeps its lease
 * while its handler winds down, for {@link #STOP_GRACE} at most.
 */
final class StepWatchdog implements Runnable {

    private static final System.Logger log = System.getLogger(StepWatchdog.class.getName());

    /** The reason of a stage's time limit passing. */
    static final String TIMEOUT = "timed out";
    /** The reason of a lease renewal that found another worker holding the step. */
    static final String LEASE_LOST = "the lease was lost";
    /** See {@link StepRunner#STOP_GRACE}. */
    static final Duration STOP_GRACE = Duration.ofMinutes(5);

    private final StepStore steps;
    private final EngineSettings settings;
    private final Clock clock;
    private final StepRecord step;
    private final StageDefinition stage;
    private final CancellationSignal signal;
    private final Instant started;
    private volatile Instant stoppedAt;

    StepWatchdog(
            StepStore steps,
            EngineSettings settings,
            Clock clock,
            StepRecord step,
            StageDefinition stage,
            CancellationSignal signal) {
        this.steps = steps;
        this.settings = settings;
        this.clock = clock;
        this.step = step;
        this.stage = stage;
        this.signal = signal;
        this.started = clock.instant();
    }

    @Override
    public void run() {
        try {
            Instant now = clock.instant();
            if (now.isAfter(started.plus(stage.timeout()))) {
                stop(TIMEOUT);
            }
            Instant stopped = stoppedAt;
            if (stopped != null && now.isAfter(stopped.plus(STOP_GRACE))) {
                return;
            }
            StepStore.Lease lease = steps.renew(step.id(), settings.workerId(), now, now.plus(settings.lease()));
            if (lease == StepStore.Lease.STOP) {
                stop("the job was cancelled or has ended");
            } else if (lease == StepStore.Lease.LOST) {
                stop(LEASE_LOST);
            }
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "could not renew the lease of step {0}: {1}", step.id(), e.toString());
        }
    }

    /** Fires the step's signal (the first reason is kept); never interrupts its thread. */
    void stop(String why) {
        if (TIMEOUT.equals(why) || LEASE_LOST.equals(why) || StepRunner.SHUTTING_DOWN.equals(why)) {
            // another attempt follows: remote work this one started is taken up there, not cancelled
            signal.cancelForLater(why);
        } else {
            signal.cancel(why);
        }
        if (stoppedAt == null) {
            stoppedAt = clock.instant();
        }
    }
}
