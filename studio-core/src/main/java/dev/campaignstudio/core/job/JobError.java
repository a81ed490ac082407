package dev.campaignstudio.core.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a job or step failed, in the structured form clients read.
 *
 * @param code       stable code such as {@code PROVIDER_TIMEOUT} or {@code FIDELITY_DRIFT}
 * @param message    human sentence without secrets
 * @param retryable  whether running the same work again could succeed
 * @param stage      stage that failed, or {@code null} for job-level errors
 * @param sceneOrder scene that failed, or {@code null}
 * @param attempts   how many attempts were made
 * @param details    structured facts for clients, e.g. every fidelity attempt's score; empty when there are none
 */
public record JobError(
        String code,
        String message,
        boolean retryable,
        String stage,
        Integer sceneOrder,
        int attempts,
        Map<String, Object> details) {

    public JobError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : details;
    }

    /** An error without details. */
    public JobError(String code, String message, boolean retryable, String stage, Integer sceneOrder, int attempts) {
        this(code, message, retryable, stage, sceneOrder, attempts, Map.of());
    }

    /** This error for {@code stage} and {@code sceneOrder} after {@code attempts} attempts, its details kept. */
    public JobError at(String stage, Integer sceneOrder, int attempts) {
        return new JobError(code, message, retryable, stage, sceneOrder, attempts, details);
    }

    /** This error as the JSON tree clients read. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("code", code);
        tree.put("message", message);
        tree.put("retryable", retryable);
        tree.put("stage", stage);
        tree.put("scene_order", sceneOrder);
        tree.put("attempts", attempts);
        if (!details.isEmpty()) {
            tree.put("details", details);
        }
        return tree;
    }

    /** The error written as {@code tree} by {@link #toTree()}. */
    public static JobError fromTree(Map<String, Object> tree) {
        Object scene = tree.get("scene_order");
        Object attempts = tree.get("attempts");
        Map<String, Object> details = new LinkedHashMap<>();
        if (tree.get("details") instanceof Map<?, ?> stored) {
            stored.forEach((k, v) -> details.put(String.valueOf(k), v));
        }
        return new JobError(
                String.valueOf(tree.get("code")),
                String.valueOf(tree.get("message")),
                Boolean.TRUE.equals(tree.get("retryable")),
                (String) tree.get("stage"),
                scene == null ? null : ((Number) scene).intValue(),
                attempts == null ? 0 : ((Number) attempts).intValue(),
                details);
    }
}
