package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Callback deliveries, written with their events (the transactional outbox) and worked off by the processes that
 * serve the {@code callbacks} queue.
 */
public interface DeliveryStore {

    /**
     * Takes up to {@code limit} deliveries that are due and first in line for their job (every earlier event of the job
     * delivered or given up), leasing them to {@code owner} so no other worker sends them meanwhile.
     */
    List<Due> claimDue(Instant now, int limit, String owner, Instant leaseUntil);

    /** Records an attempt and the delivery's new state, and releases its lease. */
    void record(Delivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt, Instant now);

    /** Stops every pending delivery of a job (a 410, or a refused URL); returns how many. */
    int stopPending(JobId jobId, String reason, Instant now);

    /** A job's deliveries in sequence order. */
    List<Delivery> forJob(JobId jobId);

    /** A job's attempts, oldest first. */
    List<DeliveryAttempt> attempts(JobId jobId);

    /** Sends an event again: its delivery becomes pending now with a new horizon. Empty when the job has no such delivery. */
    Optional<Delivery> redeliver(JobId jobId, String eventId, Instant now, Instant giveUpAt);

    /**
     * A delivery ready to send, with what its body is made of.
     *
     * @param delivery the delivery
     * @param event    its event
     * @param metadata the job's metadata, echoed in every event
     */
    record Due(Delivery delivery, JobEvent event, Map<String, Object> metadata) {}
}
