package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.id.JobId;
import java.util.List;
import java.util.Optional;

/** A job's callback deliveries: what was sent, how each attempt went, and sending an event again. */
public interface CallbackDeliveries {

    /** Deliveries of a job in sequence order. */
    List<Delivery> deliveries(JobId jobId);

    /** Every attempt of a job's deliveries, oldest first. */
    List<DeliveryAttempt> attempts(JobId jobId);

    /** Sends event {@code eventId} of the job again, now; empty when the job has no delivery of that event. */
    Optional<Delivery> redeliver(JobId jobId, String eventId);
}
