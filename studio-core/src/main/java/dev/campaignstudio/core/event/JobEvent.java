package dev.campaignstudio.core.event;

import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A lifecycle event, written in the same transaction as the state change it reports.
 *
 * @param eventId    unique id, also the {@code webhook-id} of its callback
 * @param jobId      the job it reports on
 * @param sequence   gapless per job, from 1
 * @param type       what happened
 * @param occurredAt when
 * @param data       type-specific payload as a neutral JSON tree
 */
public record JobEvent(
        String eventId, JobId jobId, long sequence, JobEventType type, Instant occurredAt, Map<String, Object> data) {

    public JobEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : data;
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }
}
