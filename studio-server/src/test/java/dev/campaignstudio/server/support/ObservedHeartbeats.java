package dev.campaignstudio.server.support;

import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's heartbeat executor, telling tests when a heartbeat that started after a given moment has finished: then
 * every running step's watchdog has seen what was true at that moment (a cancel, a passed time limit) and acted on it.
 */
public final class ObservedHeartbeats extends ScheduledThreadPoolExecutor {

    private final ThreadLocal<Instant> started = new ThreadLocal<>();
    private final AtomicReference<Instant> latestFinishedStart = new AtomicReference<>(Instant.MIN);

    public ObservedHeartbeats() {
        super(2, r -> {
            Thread thread = new Thread(r, "observed-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        super.beforeExecute(thread, task);
        started.set(Instant.now());
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        super.afterExecute(task, failure);
        Instant start = started.get();
        latestFinishedStart.accumulateAndGet(start, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether a heartbeat that started after {@code moment} has finished. */
    public boolean beatSince(Instant moment) {
        return latestFinishedStart.get().isAfter(moment);
    }
}
