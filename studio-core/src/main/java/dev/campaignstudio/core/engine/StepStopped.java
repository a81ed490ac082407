package dev.campaignstudio.core.engine;

/**
 * Thrown by an adapter that found its step told to stop ({@link CancellationSignal#checkpoint()}); the runner records
 * the step as stopped (or timed out), never as a failure of the adapter.
 */
public final class StepStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason the signal's reason, e.g. {@code timed out} */
    public StepStopped(String reason) {
        super("the step was told to stop: " + reason, null, false, false);
    }
}
