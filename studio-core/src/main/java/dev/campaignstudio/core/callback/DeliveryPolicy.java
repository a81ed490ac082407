package dev.campaignstudio.core.callback;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How callback deliveries are retried: exponential backoff with jitter until the horizon passes.
 *
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff     cap on the wait
 * @param horizon        how long after the event attempts go on (default 24 hours)
 * @param jitter         0..1: each wait is drawn from {@code [wait * (1 - jitter), wait]}
 * @param lease          how long one attempt may hold its delivery before another worker may take it
 */
public record DeliveryPolicy(
        Duration initialBackoff, Duration maxBackoff, Duration horizon, double jitter, Duration lease) {

    /** 5 s doubling to 30 min, for 24 hours. */
    public static final DeliveryPolicy STANDARD = new DeliveryPolicy(
            Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofHours(24), 0.2, Duration.ofMinutes(1));

    public DeliveryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(lease, "lease");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
    }

    /** The wait after attempt {@code attempts} (1-based) failed. */
    public Duration backoff(int attempts, DoubleSupplier random) {
        double millis = initialBackoff.toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 30)));
        millis = Math.min(millis, maxBackoff.toMillis());
        return Duration.ofMillis(Math.round(millis * (1 - jitter * random.getAsDouble())));
    }
}
