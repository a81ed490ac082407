package dev.campaignstudio.server.json;

import dev.campaignstudio.core.job.JobError;
import java.util.LinkedHashMap;
import java.util.Map;

/** Structured errors to and from their stored JSON form. */
public final class JobErrors {

    private JobErrors() {
    }

    /** The tree of {@code error}, in the shape clients read. */
    public static Map<String, Object> toTree(JobError error) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("code", error.code());
        tree.put("message", error.message());
        tree.put("retryable", error.retryable());
        tree.put("stage", error.stage());
        tree.put("scene_order", error.sceneOrder());
        tree.put("attempts", error.attempts());
        return tree;
    }

    /** The error stored as {@code tree}. */
    public static JobError fromTree(Map<String, Object> tree) {
        Object scene = tree.get("scene_order");
        Object attempts = tree.get("attempts");
        return new JobError(
                String.valueOf(tree.get("code")),
                String.valueOf(tree.get("message")),
                Boolean.TRUE.equals(tree.get("retryable")),
                (String) tree.get("stage"),
                scene == null ? null : ((Number) scene).intValue(),
                attempts == null ? 0 : ((Number) attempts).intValue());
    }
}
