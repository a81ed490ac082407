package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The transactional outbox of lifecycle events. Call inside the transaction that makes the change it reports. */
public interface EventLog {

    /**
     * Appends an event with the job's next sequence number.
     *
     * @param jobId the job; must be stored already
     * @param type  what happened
     * @param data  payload tree
     * @param at    when it happened
     * @return the stored event with its id and sequence
     */
    JobEvent append(JobId jobId, JobEventType type, Map<String, Object> data, Instant at);

    /**
     * Appends several events of one job, in order, with consecutive sequence numbers: {@link #append} for each, in one
     * round trip where the store can.
     *
     * @param jobId   the job; must be stored already
     * @param entries what happened, in order; may be empty
     * @param at      when it happened
     * @return the stored events, in order
     */
    default List<JobEvent> appendAll(JobId jobId, List<Entry> entries, Instant at) {
        return entries.stream().map(e -> append(jobId, e.type(), e.data(), at)).toList();
    }

    /**
     * An event to append.
     *
     * @param type what happened
     * @param data payload tree
     */
    record Entry(JobEventType type, Map<String, Object> data) {

        public Entry {
            java.util.Objects.requireNonNull(type, "type");
            java.util.Objects.requireNonNull(data, "data");
        }
    }

    /** Events of {@code jobId} with a sequence greater than {@code after}, in order, at most {@code limit}. */
    List<JobEvent> after(JobId jobId, long after, int limit);
}
