package dev.campaignstudio.server.adapter.in.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Job requests the command line submits. */
final class Jobs {

    /** The four output modes as the demo runs them: short, so the first run stays a few minutes. */
    static final Map<String, Map<String, Object>> DEMO_SETTINGS = demoSettings();

    private Jobs() {}

    private static Map<String, Map<String, Object>> demoSettings() {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        settings.put("image_bundle", Map.of("scene_count", 3, "aspects", List.of("1:1", "9:16")));
        settings.put("fast_video", Map.of("scene_count", 4, "duration_s", 10));
        settings.put("script_video", Map.of("scene_count", 3, "duration_s", 15));
        settings.put("ugc", Map.of("scene_count", 3, "duration_s", 12));
        return settings;
    }

    static Map<String, Object> creation(Map<String, Object> product) {
        Map<String, Object> tree = envelope("marketing_creation");
        tree.put("product", product);
        return tree;
    }

    static Map<String, Object> output(
            Map<String, Object> product, String mode, String prompt, Map<String, Object> settings) {
        Map<String, Object> tree = envelope("marketing_output");
        tree.put("product", product);
        tree.put("mode", mode);
        tree.put("prompt", prompt);
        tree.put("settings", settings);
        return tree;
    }

    static Map<String, Object> retry(String jobId, String stage, Integer scene, String prompt) {
        Map<String, Object> tree = envelope("retry");
        tree.put("job_id", jobId);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("stage", stage);
        if (scene != null) {
            target.put("scene_order", scene);
        }
        tree.put("target", target);
        if (prompt != null) {
            tree.put("prompt", prompt);
        }
        return tree;
    }

    private static Map<String, Object> envelope(String type) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", type);
        tree.put("idempotency_key", "cli-" + UUID.randomUUID());
        return tree;
    }
}
