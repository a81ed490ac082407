package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.pipeline.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault while running a step: a timeout, a rate limit, a provider's 5xx. Whether it is retried is decided by the
 * stage's {@link RetryPolicy}, from {@link #code()} and {@link #retryable()}.
 */
public final class StepFault extends Exception {

    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public StepFault(String code, String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A fault another attempt may cure. */
    public static StepFault transientFault(String code, String message) {
        return new StepFault(code, message, true, null);
    }

    /** A fault another attempt will not cure. */
    public static StepFault permanent(String code, String message) {
        return new StepFault(code, message, false, null);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the provider asked for (e.g. a 429's Retry-After), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
