package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import java.util.List;

/** Reads what the service keeps about a product: its identity's checkpoints. */
public interface FindProducts {

    /**
     * The checkpoints of a product, newest first: per identity stage and input fingerprint, the outputs and files that
     * later jobs of the product reuse (docs/identity.md).
     *
     * @param productId the client's product id
     * @return possibly empty when no job of the product has built anything yet
     */
    List<ProductCheckpoint> checkpoints(String productId);
}
