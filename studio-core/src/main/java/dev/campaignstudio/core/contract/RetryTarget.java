package dev.campaignstudio.core.contract;

/**
 * Where a retry resumes.
 *
 * @param stage      stage name of the earlier job's pipeline
 * @param sceneOrder 1-based scene to resume from for per-scene stages, or {@code null}
 */
public record RetryTarget(String stage, Integer sceneOrder) {

    public RetryTarget {
        Require.text(stage, "target.stage", Limits.STAGE_NAME_MAX);
        if (sceneOrder != null) {
            Require.range(sceneOrder, "target.scene_order", 1, Limits.SCENE_ORDER_MAX);
        }
    }
}
