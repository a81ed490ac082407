package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.event.JobEvent;
import java.util.Map;

/** One line per event for the job page: what changed, in the event's own words. */
final class EventSummaries {

    private EventSummaries() {}

    static String of(JobEvent event) {
        Map<String, Object> data = event.data();
        return switch (event.type().wire()) {
            case "progress" -> progress(data);
            case "failed" ->
                data.get("error") instanceof Map<?, ?> error
                        ? error.get("code") + ": " + error.get("message")
                        : "failed";
            case "completed" ->
                data.get("manifest") instanceof Map<?, ?> manifest
                                && manifest.get("outputs") instanceof java.util.List<?> outputs
                        ? outputs.size() + " output file(s)"
                        : "completed";
            default -> event.type().wire();
        };
    }

    private static String progress(Map<String, Object> data) {
        StringBuilder line = new StringBuilder().append(data.get("stage"));
        if (data.get("scene_order") != null) {
            line.append(" · scene ").append(data.get("scene_order"));
        }
        line.append(" ").append(data.get("status"));
        if (data.get("note") instanceof Map<?, ?> note && note.get("message") != null) {
            line.append(" (").append(note.get("message")).append(")");
        }
        if (data.get("percent") instanceof Number percent) {
            line.append(" · ").append(percent.intValue()).append("%");
        }
        return line.toString();
    }
}
