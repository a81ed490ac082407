package dev.campaignstudio.server.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A point where a test holds a running step until it lets it go: armed once, the first step to pass waits there. The
 * wait ignores interrupts (and keeps them for after), as file or native I/O would, so an interrupt sent meanwhile is
 * still pending when the step carries on, exactly where it would hurt.
 */
public final class StepGate {

    private final AtomicReference<Hold> armed = new AtomicReference<>();

    private record Hold(CountDownLatch entered, CountDownLatch released) {}

    /** Makes the next step that passes wait until {@link #release()}. */
    public void arm() {
        armed.set(new Hold(new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** Whether a step would be held now (armed and nobody held yet). */
    public boolean isArmed() {
        Hold hold = armed.get();
        return hold != null && hold.entered().getCount() == 1;
    }

    /** Called where the step is to be held: waits when armed and nobody has been held yet. */
    public void pass() {
        Hold hold = armed.get();
        if (hold == null || hold.entered().getCount() == 0) {
            return;
        }
        synchronized (hold) {
            if (hold.entered().getCount() == 0) {
                return;
            }
            hold.entered().countDown();
        }
        boolean interrupted = false;
        while (true) {
            try {
                hold.released().await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a step is held; fails after {@code limit}. */
    public void awaitHeld(Duration limit) throws InterruptedException {
        Hold hold = armed.get();
        if (hold == null || !hold.entered().await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no step reached the gate within " + limit);
        }
    }

    /** Lets the held step go on, and disarms the gate. */
    public void release() {
        Hold hold = armed.get();
        if (hold != null) {
            hold.released().countDown();
        }
    }
}
