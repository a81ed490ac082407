package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.out.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of one job that one transaction reports (a step finished and the job completed, a job started and its
 * step claimed), appended together in order, in one round trip where the store can (docs/engine.md "Where the time
 * goes"). Append it before the transaction commits.
 */
final class EventBatch {

    private final EventLog events;
    private final JobId job;
    private final Instant at;
    private final List<EventLog.Entry> entries = new ArrayList<>();

    /** @param at when the change they report happened, the time of each of them */
    EventBatch(EventLog events, JobId job, Instant at) {
        this.events = events;
        this.job = job;
        this.at = at;
    }

    /** When the reported change happened. */
    Instant at() {
        return at;
    }

    void add(JobEventType type, Map<String, Object> data) {
        entries.add(new EventLog.Entry(type, data));
    }

    /** Appends what was added, in order, and empties the batch. */
    void append() {
        if (!entries.isEmpty()) {
            events.appendAll(job, List.copyOf(entries), at);
            entries.clear();
        }
    }
}
