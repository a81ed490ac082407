package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.out.DeliveryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery store, counting every callback attempt ({@code studio.callback.attempts}, tagged {@code outcome}:
 * {@code delivered}, {@code retry}, {@code failed} or {@code stopped}) and timing the lag from an event to its delivery
 * ({@code studio.callback.lag}). See docs/operations.md, "Metrics".
 */
final class MeteredDeliveries implements DeliveryStore {

    private final DeliveryStore store;
    private final MeterRegistry meters;

    MeteredDeliveries(DeliveryStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
        // shown at zero before the first callback, so dashboards and alerts have a series to read
        for (String outcome : List.of("delivered", "retry", "failed", "stopped")) {
            attempts(outcome);
        }
        lag();
    }

    private Counter attempts(String outcome) {
        return Counter.builder("studio.callback.attempts")
                .description("callback delivery attempts by what came of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    private Timer lag() {
        return Timer.builder("studio.callback.lag")
                .description("from an event to its callback's delivery")
                .register(meters);
    }

    @Override
    public void record(
            Delivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt, Instant now) {
        store.record(delivery, attempt, status, nextAttemptAt, now);
        String outcome = status == DeliveryStatus.PENDING ? "retry" : status.wire();
        attempts(outcome).increment();
        if (status == DeliveryStatus.DELIVERED && delivery.createdAt() != null) {
            lag().record(Duration.between(delivery.createdAt(), now));
        }
    }

    @Override
    public List<Due> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return store.claimDue(now, limit, owner, leaseUntil);
    }

    @Override
    public int stopPending(JobId jobId, String reason, Instant now) {
        return store.stopPending(jobId, reason, now);
    }

    @Override
    public List<Delivery> forJob(JobId jobId) {
        return store.forJob(jobId);
    }

    @Override
    public List<DeliveryAttempt> attempts(JobId jobId) {
        return store.attempts(jobId);
    }

    @Override
    public Optional<Delivery> redeliver(JobId jobId, String eventId, Instant now, Instant giveUpAt) {
        return store.redeliver(jobId, eventId, now, giveUpAt);
    }
}
