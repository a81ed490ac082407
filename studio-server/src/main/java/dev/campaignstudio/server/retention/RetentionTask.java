package dev.campaignstudio.server.retention;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import dev.campaignstudio.core.id.JobId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The maintenance role's retention: on a timer ({@code studio.retention.sweep}) it deletes finished jobs, events,
 * deliveries and rejected fidelity images past their configured ages, then collects the blobs no row names any more
 * (after the orphan grace). A job that has not finished is never touched. Idempotent, so several maintenance workers
 * may run it. See docs/operations.md, "Retention and deletion".
 */
public final class RetentionTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionTask.class);
    private static final int BATCH = 100;

    /**
     * What one pass removed.
     *
     * @param jobs          jobs deleted
     * @param events        events deleted
     * @param deliveries    deliveries deleted
     * @param rejectedImages rejected images' rows deleted
     * @param blobs         unreferenced blobs deleted from the store
     */
    public record Report(int jobs, int events, int deliveries, int rejectedImages, long blobs) {}

    private final RetentionStore store;
    private final OrphanBlobCollector blobs;
    private final RetentionProperties ages;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RetentionTask(RetentionStore store, OrphanBlobCollector blobs, RetentionProperties ages, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.ages = ages;
        this.clock = clock;
    }

    /** One pass now. */
    public Report runOnce() throws IOException {
        Instant now = clock.instant();
        int jobs = 0;
        if (ages.jobs() != null) {
            List<JobId> old;
            do {
                old = store.finishedBefore(now.minus(ages.jobs()), BATCH);
                for (JobId id : old) {
                    jobs += store.deleteJob(id) == RetentionStore.Deletion.DELETED ? 1 : 0;
                }
            } while (old.size() == BATCH);
        }
        int deliveries = ages.deliveries() == null ? 0 : store.deleteDeliveriesBefore(now.minus(ages.deliveries()));
        int events = ages.events() == null ? 0 : store.deleteEventsBefore(now.minus(ages.events()));
        int images =
                ages.rejectedImages() == null ? 0 : store.deleteRejectedImagesBefore(now.minus(ages.rejectedImages()));
        long collected = blobs.collect().deleted();
        return new Report(jobs, events, deliveries, images, collected);
    }

    private void pass() {
        try {
            Report report = runOnce();
            if (report.jobs() + report.events() + report.deliveries() + report.rejectedImages() + report.blobs() > 0) {
                log.info("maintenance: retention deleted {}", report);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("maintenance: retention failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "maintenance-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = Duration.ofMillis(ages.sweep().toMillis()).toMillis();
        timer.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
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
