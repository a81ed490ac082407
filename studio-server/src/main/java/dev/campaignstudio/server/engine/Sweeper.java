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
 * run it.
 */
public final class Sweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final JobEngine engine;
    private final Duration interval;
    private final Duration redispatchAfter;
    private final boolean sweepLostAtStart;
    private ScheduledExecutorService timer;

    /**
     * @param sweepLostAtStart re-dispatch every pending step at start: right for in-process queues, whose messages did
     *                         not survive the previous process
     */
    public Sweeper(JobEngine engine, Duration interval, Duration redispatchAfter, boolean sweepLostAtStart) {
        this.engine = engine;
        this.interval = interval;
        this.redispatchAfter = redispatchAfter;
        this.sweepLostAtStart = sweepLostAtStart;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "maintenance-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        if (sweepLostAtStart) {
            timer.execute(() -> sweep(Duration.ZERO));
        }
        timer.scheduleWithFixedDelay(() -> sweep(redispatchAfter), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
