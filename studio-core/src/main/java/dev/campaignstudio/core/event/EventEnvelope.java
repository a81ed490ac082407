package dev.campaignstudio.core.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** An event as clients receive it: in callbacks, the event feed and the event stream. */
public final class EventEnvelope {

    private EventEnvelope() {}

    /** The envelope tree: {@code event_id, job_id, sequence, type, occurred_at, data} and {@code metadata} when the job has some. */
    public static Map<String, Object> tree(JobEvent event, Map<String, Object> metadata) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("event_id", event.eventId());
        tree.put("job_id", event.jobId().value());
        tree.put("sequence", event.sequence());
        tree.put("type", event.type().wire());
        tree.put("occurred_at", event.occurredAt().toString());
        tree.put("data", event.data());
        if (metadata != null && !metadata.isEmpty()) {
            tree.put("metadata", metadata);
        }
        return tree;
    }
}
