package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.asset.Asset;
import java.util.Objects;

/**
 * A file a step made, already in the blob store; its record is stored when the step's result is.
 *
 * @param asset the asset record to store
 * @param role  what it is in the output, e.g. {@code scene_image} or {@code final_video}
 */
public record ProducedAsset(Asset asset, String role) {

    public ProducedAsset {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(role, "role");
    }
}
