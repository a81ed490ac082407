package dev.campaignstudio.server.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A task on its own timer thread for as long as the application runs: {@link #tick} every interval (after the
 * previous run ends), with hooks for what to do once as it starts. The engine's sweeper and the storage's sweeps are
 * such tasks (docs/operations.md). A tick reports its own failures: the timer goes on either way.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final String threadName;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    /**
     * @param threadName name of the timer thread
     * @param interval   pause between the end of one tick and the start of the next, and before the first
     */
    protected PeriodicTask(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One run; failures are logged by the task and the next tick tries again. */
    protected abstract void tick();

    /** Runs in {@link #start}, before the timer starts: work the application waits for. None by default. */
    protected void beforeTimer() {}

    /** Runs first on the timer thread, at once: start-up work the application need not wait for. None by default. */
    protected void firstOnTimer() {}

    @Override
    public void start() {
        beforeTimer();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        started.execute(this::firstOnTimer);
        started.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        ScheduledExecutorService running = timer;
        return running != null && !running.isShutdown();
    }
}
