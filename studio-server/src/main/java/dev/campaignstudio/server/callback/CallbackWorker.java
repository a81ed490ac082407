package dev.campaignstudio.server.callback;

import dev.campaignstudio.core.application.CallbackDeliverer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@code callbacks} queue's workers: each takes the next due delivery (first in line for its job), sends it, and
 * waits for new work or the poll interval when there is none. The queue itself is the {@code callback_deliveries}
 * table, so per-job order and backoff live where the events are.
 */
public final class CallbackWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);

    private final CallbackDeliverer deliverer;
    private final DeliverySignal signal;
    private final int workers;
    private final Duration poll;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public CallbackWorker(CallbackDeliverer deliverer, DeliverySignal signal, int workers, Duration poll) {
        this.deliverer = deliverer;
        this.signal = signal;
        this.workers = workers;
        this.poll = poll;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(this::loop, "callbacks-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void loop() {
        while (running) {
            try {
                if (deliverer.deliverDue(1) == 0) {
                    signal.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("callback delivery failed, will try again: {}", e.toString());
                try {
                    signal.await(Duration.ofSeconds(1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Wakes the workers and waits for them a while; never interrupts one, as it may be inside the database. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            signal.nudge();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
