package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.engine.JobEngine;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The maintenance task: on a timer, gives up steps whose worker stopped renewing its lease and re-dispatches steps
 * whose message was lost. Runs in processes that serve the {@code maintenance} queue; it is idempotent, so several may
 * run it. An embedded process first gives up the steps of the process that owned its data directory before it, which
 * is gone for sure, so they are redone at once rather than after their leases lapse.
 */
public final class Sweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final JobEngine engine;
    private final Duration interval;
    private final Duration redispatchAfter;
    private final boolean sweepLostAtStart;
    private final String goneWorker;
    private ScheduledExecutorService timer;

    /**
     * @param sweepLostAtStart re-dispatch every pending step at start: right for in-process queues, whose messages did
     *                         not survive the previous process
     * @param goneWorker       a worker known to be gone whose running steps are given up at start, or {@code null}
     */
    public Sweeper(JobEngine engine, Duration interval, Duration redispatchAfter, boolean sweepLostAtStart, String goneWorker) {
        this.engine = engine;
        this.interval = interval;
        this.redispatchAfter = redispatchAfter;
        this.sweepLostAtStart = sweepLostAtStart;
        this.goneWorker = goneWorker;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "maintenance-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        if (goneWorker != null) {
            timer.execute(this::recoverGoneWorker);
        }
        if (sweepLostAtStart) {
            timer.execute(() -> sweep(Duration.ZERO));
        }
        timer.scheduleWithFixedDelay(() -> sweep(redispatchAfter), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void recoverGoneWorker() {
        try {
            int givenUp = engine.recover(goneWorker);
            if (givenUp > 0) {
                log.info("maintenance: {} step(s) the previous process was running given up, to be redone now", givenUp);
            }
        } catch (RuntimeException e) {
            log.warn("could not give up the steps of the previous process; they wait for their leases to lapse: {}", e.toString());
        }
    }

    private void sweep(Duration lostAfter) {
        try {
            JobEngine.SweepResult result = engine.sweep(lostAfter);
            if (result.givenUp() + result.redispatched() > 0) {
                log.info("maintenance: {} step(s) of vanished workers given up, {} lost dispatch(es) sent again",
                        result.givenUp(), result.redispatched());
            }
        } catch (RuntimeException e) {
            log.warn("maintenance sweep failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
