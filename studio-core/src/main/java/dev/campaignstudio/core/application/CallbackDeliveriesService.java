package dev.campaignstudio.core.application;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryPolicy;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.in.CallbackDeliveries;
import dev.campaignstudio.core.port.out.DeliveryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads deliveries and resends events, with a fresh retry horizon. */
public final class CallbackDeliveriesService implements CallbackDeliveries {

    private final DeliveryStore store;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake told after a redelivery was scheduled, so a deliverer can pick it up at once */
    public CallbackDeliveriesService(DeliveryStore store, DeliveryPolicy policy, Clock clock, Runnable wake) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public List<Delivery> deliveries(JobId jobId) {
        return store.forJob(jobId);
    }

    @Override
    public List<DeliveryAttempt> attempts(JobId jobId) {
        return store.attempts(jobId);
    }

    @Override
    public Optional<Delivery> redeliver(JobId jobId, String eventId) {
        Instant now = clock.instant();
        Optional<Delivery> scheduled = store.redeliver(jobId, eventId, now, now.plus(policy.horizon()));
        scheduled.ifPresent(d -> wake.run());
        return scheduled;
    }
}
