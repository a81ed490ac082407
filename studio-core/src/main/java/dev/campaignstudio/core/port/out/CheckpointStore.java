package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.checkpoint.CheckpointKey;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.job.StepId;
import java.util.List;
import java.util.Optional;

/** Product checkpoints: stage outputs by (product, stage, input fingerprint). */
public interface CheckpointStore {

    /** The checkpoint with {@code key}, if one was kept. */
    Optional<ProductCheckpoint> find(CheckpointKey key);

    /**
     * Keeps a checkpoint, replacing any with its key: a stage is only run again for a key that has a checkpoint when
     * that one could not be used (its files are gone, it is too old, or a retry redoes the stage), so the latest made
     * wins. Two jobs that make the same key at once both stay consistent: the stages after each name the revision
     * they built on.
     *
     * @param stepId the step that made it
     */
    void save(ProductCheckpoint checkpoint, StepId stepId);

    /** Every checkpoint of {@code productId}, newest first: the product's identity as built so far. */
    List<ProductCheckpoint> forProduct(String productId);
}
