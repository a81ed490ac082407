package dev.campaignstudio.core.engine;

import java.time.Duration;

/**
 * Tells a running step to stop: its job was cancelled or failed elsewhere, its time ran out, or its worker is shutting
 * down. Stopping is cooperative: nothing interrupts the step's thread (an interrupt inside file I/O closes the channel,
 * and an embedded database with it: docs/engine.md), so stages and adapters check this signal between units of work
 * and wait on it instead of sleeping. The runner binds a step's signal to the thread running it, so adapters reach it
 * through {@link #current()} without the capability ports carrying it.
 */
public final class CancellationSignal {

    private static final CancellationSignal NONE = new CancellationSignal();
    private static final ThreadLocal<CancellationSignal> CURRENT = ThreadLocal.withInitial(() -> NONE);

    private volatile String reason;
    private volatile boolean resumes;

    /**
     * The signal of the step running on this thread; outside a step, one that never fires.
     */
    public static CancellationSignal current() {
        return CURRENT.get();
    }

    /**
     * Makes this the signal of the current thread until the returned binding is closed (the thread's earlier signal is
     * then its signal again).
     */
    public Binding bindToCurrentThread() {
        CancellationSignal before = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(before);
    }

    /** Asks the step to stop and wakes it where it waits on this signal; the first reason given is kept. */
    public void cancel(String why) {
        if (this == NONE) {
            throw new IllegalStateException("the signal of no step cannot be cancelled");
        }
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
            notifyAll();
        }
    }

    /**
     * Asks the step to stop as {@link #cancel(String)} does, saying that a later attempt takes its work up (its time
     * limit passed, its worker shuts down or lost the lease): work it started at a provider is left running for that
     * attempt rather than cancelled.
     */
    public void cancelForLater(String why) {
        synchronized (this) {
            if (reason == null) {
                resumes = true;
            }
        }
        cancel(why);
    }

    /**
     * Whether a later attempt takes the stopped step's work up (see {@link #cancelForLater}); {@code false} when the
     * job no longer wants it (cancelled, or failed elsewhere), so work started at a provider should be cancelled there.
     */
    public boolean resumesLater() {
        return resumes && reason != null;
    }

    /** Whether the step has been told to stop. */
    public boolean isCancelled() {
        return reason != null;
    }

    /** Why, or {@code null}. */
    public String reason() {
        return reason;
    }

    /**
     * Throws {@link InterruptedException} when the step has been told to stop; long loops of stages call this between
     * units of work.
     */
    public void throwIfCancelled() throws InterruptedException {
        if (reason != null) {
            throw new InterruptedException(reason);
        }
    }

    /**
     * Throws {@link StepStopped} when the step has been told to stop: what adapters call between frames, samples or
     * polls, where a checked exception does not fit.
     */
    public void checkpoint() {
        if (reason != null) {
            throw new StepStopped(reason);
        }
    }

    /**
     * Waits {@code duration}, or less when the step is told to stop meanwhile: the pause between polls or retries.
     *
     * @return whether the step has been told to stop
     * @throws InterruptedException when the thread is interrupted (no step's is: something else wants it to end)
     */
    public boolean sleep(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (this) {
            while (reason == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Ends a {@link #bindToCurrentThread() binding}. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
