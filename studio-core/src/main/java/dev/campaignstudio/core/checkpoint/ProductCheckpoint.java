package dev.campaignstudio.core.checkpoint;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stage's outputs kept for reuse by later jobs of the same product with the same inputs.
 *
 * @param key       product, stage and input fingerprint
 * @param outputs   the step's small JSON outputs
 * @param assets    the files it made, with their roles
 * @param adapter   the adapter that made them
 * @param jobId     the job that made them
 * @param createdAt when
 */
public record ProductCheckpoint(
        CheckpointKey key,
        Map<String, Object> outputs,
        List<StepRecord.StepAsset> assets,
        String adapter,
        JobId jobId,
        Instant createdAt) {

    public ProductCheckpoint {
        Objects.requireNonNull(key, "key");
        outputs = outputs == null ? Map.of() : outputs;
        assets = assets == null ? List.of() : List.copyOf(assets);
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
