package dev.campaignstudio.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * How a stage's transient faults are retried inside the job: how many attempts in all, the backoff between them
 * (exponential, capped, with jitter), and which error codes count as transient.
 *
 * @param maxAttempts    attempts in all, including the first (1 means no retry)
 * @param initialBackoff wait before the second attempt
 * @param multiplier     growth of the wait per further attempt
 * @param maxBackoff     cap on the wait
 * @param jitter         0..1: the wait is drawn from {@code [wait * (1 - jitter), wait]}
 * @param retryableCodes error codes that may be retried; any other fails the step for good
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        double multiplier,
        Duration maxBackoff,
        double jitter,
        Set<String> retryableCodes) {

    /** Codes of faults that another attempt may cure. */
    public static final Set<String> TRANSIENT = Set.of(
            "PROVIDER_TIMEOUT",
            "PROVIDER_RATE_LIMITED",
            "PROVIDER_ERROR",
            "STEP_TIMEOUT",
            "WORKER_LOST",
            "SOURCE_UNREACHABLE",
            "STORAGE_UNAVAILABLE",
            "DATABASE_UNAVAILABLE",
            "TRANSIENT");

    /** Three attempts, 2 s then 8 s (jittered), for the transient codes. */
    public static final RetryPolicy STANDARD =
            new RetryPolicy(3, Duration.ofSeconds(2), 4, Duration.ofMinutes(1), 0.3, TRANSIENT);

    /** A single attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, 0, Set.of());

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        retryableCodes = Set.copyOf(retryableCodes);
        if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1 || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /**
     * Faults of the service's own infrastructure: the worker running the step went away, the asset store or the
     * database was briefly unreachable. They say nothing about the stage's work (and cost no provider money), so a
     * stage that retries them at all gets at least {@link #INFRASTRUCTURE_ATTEMPTS} attempts for them: a worker kill
     * and an outage landing on the same step must not fail the job (docs/engine.md "Retries").
     */
    public static final Set<String> INFRASTRUCTURE =
            Set.of("WORKER_LOST", "STORAGE_UNAVAILABLE", "DATABASE_UNAVAILABLE", "TRANSIENT");

    /** The fewest attempts a retrying stage gets for an {@link #INFRASTRUCTURE} fault. */
    public static final int INFRASTRUCTURE_ATTEMPTS = 8;

    /** Whether a failure with {@code code} on attempt {@code attempt} (1-based) gets another attempt. */
    public boolean retries(String code, boolean retryable, int attempt) {
        if (!retryable || !retryableCodes.contains(code)) {
            return false;
        }
        int attempts = INFRASTRUCTURE.contains(code) ? Math.max(maxAttempts, INFRASTRUCTURE_ATTEMPTS) : maxAttempts;
        return attempt < attempts;
    }

    /**
     * The wait before attempt {@code attempt + 1}.
     *
     * @param attempt the attempt that just failed, 1-based
     * @param random  uniform in [0, 1), for the jitter
     */
    public Duration backoff(int attempt, DoubleSupplier random) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        millis = Math.min(millis, maxBackoff.toMillis());
        millis = millis * (1 - jitter * random.getAsDouble());
        return Duration.ofMillis(Math.round(millis));
    }
}
