package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.engine.JobEngine;
import dev.campaignstudio.server.lifecycle.PeriodicTask;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance task: on a timer, gives up steps whose worker stopped renewing its lease and re-dispatches steps
 * whose message was lost. Runs in processes that serve the {@code maintenance} queue; it is idempotent, so several may
 * run it. An embedded process first gives up the steps of the process that owned its data directory before it, which
 * is gone for sure, so they are redone at once rather than after their leases lapse.
 */
public final class Sweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final JobEngine engine;
    private final Duration redispatchAfter;
    private final boolean sweepLostAtStart;
    private final String goneWorker;

    /**
     * @param sweepLostAtStart re-dispatch every pending step at start: right for in-process queues, whose messages did
     *                         not survive the previous process
     * @param goneWorker       a worker known to be gone whose running steps are given up at start, or {@code null}
     */
    public Sweeper(
            JobEngine engine,
            Duration interval,
            Duration redispatchAfter,
            boolean sweepLostAtStart,
            String goneWorker) {
        super("maintenance-sweeper", interval);
        this.engine = engine;
        this.redispatchAfter = redispatchAfter;
        this.sweepLostAtStart = sweepLostAtStart;
        this.goneWorker = goneWorker;
    }

    @Override
    protected void firstOnTimer() {
        if (goneWorker != null) {
            recoverGoneWorker();
        }
        if (sweepLostAtStart) {
            sweep(Duration.ZERO);
        }
    }

    @Override
    protected void tick() {
        sweep(redispatchAfter);
    }

    private void recoverGoneWorker() {
        try {
            int givenUp = engine.recover(goneWorker);
            if (givenUp > 0) {
                log.info(
                        "maintenance: {} step(s) the previous process was running given up, to be redone now", givenUp);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "could not give up the steps of the previous process; they wait for their leases to lapse: {}",
                    e.toString());
        }
    }

    private void sweep(Duration lostAfter) {
        try {
            JobEngine.SweepResult result = engine.sweep(lostAfter);
            if (result.givenUp() + result.redispatched() > 0) {
                log.info(
                        "maintenance: {} step(s) of vanished workers given up, {} lost dispatch(es) sent again",
                        result.givenUp(),
                        result.redispatched());
            }
        } catch (RuntimeException e) {
            log.warn("maintenance sweep failed, will try again: {}", e.toString());
        }
    }
}
