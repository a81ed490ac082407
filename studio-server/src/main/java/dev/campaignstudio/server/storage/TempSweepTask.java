package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.application.TempFileSweeper;
import dev.campaignstudio.server.lifecycle.PeriodicTask;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every process's sweep of its own {@code <data-dir>/tmp}: once as it starts (what a crash of the process before it
 * left), then every {@code studio.storage.temp-sweep}. Each process runs it, not only the maintenance role, because on
 * separate hosts each has a data directory of its own that no other process sees.
 */
public final class TempSweepTask extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(TempSweepTask.class);

    private final TempFileSweeper sweeper;

    public TempSweepTask(TempFileSweeper sweeper, Duration interval) {
        super("temp-file-sweep", interval);
        this.sweeper = sweeper;
    }

    @Override
    protected void beforeTimer() {
        sweep();
    }

    @Override
    protected void tick() {
        sweep();
    }

    /** One sweep now; failures are logged and the next run tries again. */
    void sweep() {
        try {
            TempFileSweeper.Swept swept = sweeper.sweep();
            if (swept.deleted() > 0) {
                log.info(
                        "{} temporary file(s) left by interrupted writes deleted from the data directory",
                        swept.deleted());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("the sweep of temporary files failed, will try again: {}", e.toString());
        }
    }
}
