package dev.campaignstudio.core.checkpoint;

import dev.campaignstudio.core.contract.CanonicalJson;
import java.util.Map;
import java.util.Objects;

/**
 * Identifies a product checkpoint: a product, a stage, and the fingerprint of everything the stage's outputs depend on.
 *
 * @param productId   the client's product id
 * @param stage       stage name
 * @param fingerprint sha256 (hex) of the stage's inputs
 */
public record CheckpointKey(String productId, String stage, String fingerprint) {

    public CheckpointKey {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * The key of a stage's outputs for these inputs.
     *
     * @param inputs everything the outputs depend on (source hashes, settings, upstream fingerprints, adapter name and
     *               version), as a JSON tree; its canonical form is hashed, so key order does not matter
     */
    public static CheckpointKey of(String productId, String stage, Map<String, Object> inputs) {
        return new CheckpointKey(productId, stage, CanonicalJson.sha256(Map.of("stage", stage, "inputs", inputs)));
    }
}
