package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.server.adapter.in.web.JobPageView.TextBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words a job made, as the stages record them: a script's segments, a storyboard's scenes or shots, timed captions. */
final class TextViews {

    private TextViews() {}

    static List<TextBlock> of(List<StepRecord> steps) {
        Map<String, StepRecord> done = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            if (step.status().isDone() && step.sceneOrder() == 0) {
                done.put(step.stage(), step);
            }
        }
        List<TextBlock> blocks = new ArrayList<>();
        for (StepRecord step : done.values()) {
            Map<String, Object> outputs = step.outputs();
            add(
                    blocks,
                    "Script",
                    outputs.get("segments"),
                    line -> label(line.get("order"), line.get("role")),
                    line -> text(line.get("text")));
            add(
                    blocks,
                    "Storyboard",
                    outputs.get("scenes"),
                    line -> label(
                            line.get("order"),
                            seconds(line.get("start_ms")) + " · " + seconds(line.get("duration_ms"))),
                    line -> join(line.get("shot"), line.get("text")));
            add(
                    blocks,
                    "Shots",
                    outputs.get("shots"),
                    line -> label(line.get("order"), line.get("kind")),
                    line -> join(line.get("line"), line.get("direction")));
            add(
                    blocks,
                    "Captions",
                    outputs.get("captions"),
                    line -> seconds(line.get("start_ms")) + " – " + seconds(line.get("end_ms")),
                    line -> text(line.get("text")));
        }
        return blocks;
    }

    private static void add(
            List<TextBlock> blocks,
            String title,
            Object value,
            java.util.function.Function<Map<?, ?>, String> label,
            java.util.function.Function<Map<?, ?>, String> text) {
        if (!(value instanceof List<?> items) || items.isEmpty() || !(items.get(0) instanceof Map<?, ?>)) {
            return;
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> line) {
                lines.add(Map.of("label", label.apply(line), "text", text.apply(line)));
            }
        }
        blocks.add(new TextBlock(title, lines));
    }

    private static String label(Object order, Object what) {
        return order + (what == null ? "" : " · " + what);
    }

    private static String join(Object first, Object second) {
        return second == null || String.valueOf(second).isBlank() ? text(first) : text(first) + " — " + second;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String seconds(Object ms) {
        return ms instanceof Number n ? String.format(Locale.ROOT, "%.1f s", n.longValue() / 1000.0) : "";
    }
}
