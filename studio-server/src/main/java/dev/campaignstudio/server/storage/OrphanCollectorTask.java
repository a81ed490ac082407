package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The maintenance role's clean-up of blobs no asset record names, on a timer ({@code studio.storage.orphan-sweep}).
 * Idempotent, so several maintenance workers may run it.
 */
public final class OrphanCollectorTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanCollectorTask.class);

    private final OrphanBlobCollector collector;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public OrphanCollectorTask(OrphanBlobCollector collector, Duration interval) {
        this.collector = collector;
        this.interval = interval;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "maintenance-orphan-blobs");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::collect, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One collection now; failures are logged and the next run tries again. */
    void collect() {
        try {
            OrphanBlobCollector.Collected collected = collector.collect();
            if (collected.deleted() > 0) {
                log.info("maintenance: {} unreferenced blob(s) of {} deleted from the asset store", collected.deleted(), collected.examined());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("maintenance: the collection of unreferenced blobs failed, will try again: {}", e.toString());
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
