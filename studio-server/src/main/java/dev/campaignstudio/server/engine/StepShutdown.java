package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.engine.StepRunner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * When the service shuts down, before anything stops: tells the steps running here to stop (their signal, not an
 * interrupt) and waits a while for them to hand their steps back, so the next attempts start at once elsewhere or at the
 * next start instead of after the leases lapse. Steps still running after the wait are left to their leases.
 */
public final class StepShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StepShutdown.class);

    private final StepRunner runner;
    private final Duration wait;

    /** @param wait longest the shutdown waits for running steps to hand back */
    public StepShutdown(StepRunner runner, Duration wait) {
        this.runner = runner;
        this.wait = wait;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        runner.stopAll();
        try {
            if (!runner.awaitIdle(wait)) {
                log.warn("steps still running after {} s of shutdown are left to their leases", wait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
