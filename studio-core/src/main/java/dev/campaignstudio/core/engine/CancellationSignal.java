package dev.campaignstudio.core.engine;

/** Tells a running step to stop: its job was cancelled or failed elsewhere, or its time ran out. */
public final class CancellationSignal {

    private volatile String reason;

    /** Asks the step to stop; the first reason given is kept. */
    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    /** Whether the step has been told to stop. */
    public boolean isCancelled() {
        return reason != null;
    }

    /** Why, or {@code null}. */
    public String reason() {
        return reason;
    }

    /** Throws {@link InterruptedException} when the step has been told to stop; long loops call this between units of work. */
    public void throwIfCancelled() throws InterruptedException {
        if (reason != null) {
            throw new InterruptedException(reason);
        }
    }
}
