package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.checkpoint.CheckpointKey;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import java.util.Map;
import java.util.Objects;

/** What a stage handler decided. Faults (timeouts, provider errors) are thrown as {@link StepFault} instead. */
public sealed interface StepResult {

    /**
     * The step did its work. Files it made are the ones it stored through {@link StepContext#store}.
     *
     * @param outputs    small JSON outputs for later stages and the manifest ({@code scene_count} here sets the number
     *                   of scenes of later per-scene stages)
     * @param adapter    which adapter served it, e.g. {@code local}, or {@code null}
     * @param inputs     what the outputs were made from, recorded with the step (empty when the stage does not say)
     * @param checkpoint where to keep the outputs for later jobs of the product, or {@code null} to keep nothing; kept
     *                   in the transaction that records the step
     */
    record Succeeded(Map<String, Object> outputs, String adapter, Map<String, Object> inputs, CheckpointKey checkpoint)
            implements StepResult {
        public Succeeded {
            outputs = outputs == null ? Map.of() : outputs;
            inputs = inputs == null ? Map.of() : inputs;
        }

        /** Success without inputs to record or a checkpoint to keep. */
        public Succeeded(Map<String, Object> outputs, String adapter) {
            this(outputs, adapter, Map.of(), null);
        }
    }

    /**
     * The step took a product checkpoint's outputs instead of running: it is recorded as {@code reused}, with the
     * checkpoint's outputs, files and adapter.
     *
     * @param checkpoint what is taken
     * @param inputs     the step's inputs (the same, by fingerprint, as the checkpoint's)
     */
    record Reused(ProductCheckpoint checkpoint, Map<String, Object> inputs) implements StepResult {
        public Reused {
            Objects.requireNonNull(checkpoint, "checkpoint");
            inputs = inputs == null ? Map.of() : inputs;
        }
    }

    /**
     * The step refused, for a reason another identical attempt would not cure (bad input, fidelity drift after every
     * allowed regeneration). The job fails with this code.
     *
     * @param code    stable error code, e.g. {@code INPUT_INVALID} or {@code FIDELITY_DRIFT}
     * @param message for humans, without secrets
     * @param details structured facts, e.g. every attempt's score
     */
    record Rejected(String code, String message, Map<String, Object> details) implements StepResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            details = details == null ? Map.of() : details;
        }
    }

    /** Success with outputs and no files. */
    static StepResult outputs(Map<String, Object> outputs) {
        return new Succeeded(outputs, null);
    }
}
