package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.engine.CheckpointKey;
import dev.campaignstudio.core.engine.ProductCheckpoint;
import dev.campaignstudio.core.engine.StepId;
import java.util.Optional;

/** Product checkpoints: stage outputs by (product, stage, input fingerprint). */
public interface CheckpointStore {

    /** The checkpoint with {@code key}, if one was kept. */
    Optional<ProductCheckpoint> find(CheckpointKey key);

    /**
     * Keeps a checkpoint unless one with its key exists (two jobs of one product may finish the same stage at once; the
     * first kept wins, and both are equally good).
     *
     * @param stepId the step that made it
     * @return whether this call kept it
     */
    boolean keep(ProductCheckpoint checkpoint, StepId stepId);
}
