package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import dev.campaignstudio.server.lifecycle.PeriodicTask;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance role's clean-up of blobs no asset record names, on a timer ({@code studio.storage.orphan-sweep}).
 * Idempotent, so several maintenance workers may run it.
 */
public final class OrphanCollectorTask extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OrphanCollectorTask.class);

    private final OrphanBlobCollector collector;

    public OrphanCollectorTask(OrphanBlobCollector collector, Duration interval) {
        super("maintenance-orphan-blobs", interval);
        this.collector = collector;
    }

    @Override
    protected void tick() {
        collect();
    }

    /** One collection now; failures are logged and the next run tries again. */
    void collect() {
        try {
            OrphanBlobCollector.Collected collected = collector.collect();
            if (collected.deleted() > 0) {
                log.info(
                        "maintenance: {} unreferenced blob(s) of {} deleted from the asset store",
                        collected.deleted(),
                        collected.examined());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("maintenance: the collection of unreferenced blobs failed, will try again: {}", e.toString());
        }
    }
}
