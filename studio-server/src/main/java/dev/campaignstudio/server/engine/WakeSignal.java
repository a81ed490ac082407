package dev.campaignstudio.server.engine;

import java.time.Duration;

/** Wakes a waiting loop (the dispatch relay, the callback deliverers) as soon as there is work, instead of at its next poll. */
public class WakeSignal {

    private boolean pending;

    /** Something was requested; wake the relay. */
    public synchronized void nudge() {
        pending = true;
        notifyAll();
    }

    /** Waits until nudged or {@code limit} passes; returns whether it was nudged. */
    public synchronized boolean await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!pending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        pending = false;
        return true;
    }
}
