package dev.campaignstudio.core.callback;

import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * The callback delivery of one event.
 *
 * @param id             delivery id
 * @param jobId          the job
 * @param eventId        the event; also the {@code webhook-id}
 * @param sequence       the event's sequence; per job, deliveries go out in this order
 * @param url            callback URL
 * @param secretRef      which configured secret signs it
 * @param status         where it stands
 * @param attempts       attempts so far
 * @param nextAttemptAt  earliest next attempt
 * @param giveUpAt       the retry horizon
 * @param lastStatusCode HTTP status of the last attempt, or {@code null}
 * @param lastError      what went wrong last, or {@code null}
 * @param createdAt      when the event was written
 * @param deliveredAt    when a 2xx came back, or {@code null}
 */
public record Delivery(
        String id,
        JobId jobId,
        String eventId,
        long sequence,
        String url,
        String secretRef,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant giveUpAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secretRef, "secretRef");
        Objects.requireNonNull(status, "status");
    }
}
