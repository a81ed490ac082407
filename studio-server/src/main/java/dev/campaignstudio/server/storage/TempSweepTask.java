package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.application.TempFileSweeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every process's sweep of its own {@code <data-dir>/tmp}: once as it starts (what a crash of the process before it
 * left), then every {@code studio.storage.temp-sweep}. Each process runs it, not only the maintenance role, because on
 * separate hosts each has a data directory of its own that no other process sees.
 */
public final class TempSweepTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TempSweepTask.class);

    private final TempFileSweeper sweeper;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public TempSweepTask(TempFileSweeper sweeper, Duration interval) {
        this.sweeper = sweeper;
        this.interval = interval;
    }

    @Override
    public void start() {
        sweep();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "temp-file-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One sweep now; failures are logged and the next run tries again. */
    void sweep() {
        try {
            TempFileSweeper.Swept swept = sweeper.sweep();
            if (swept.deleted() > 0) {
                log.info("{} temporary file(s) left by interrupted writes deleted from the data directory",
                        swept.deleted());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("the sweep of temporary files failed, will try again: {}", e.toString());
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
