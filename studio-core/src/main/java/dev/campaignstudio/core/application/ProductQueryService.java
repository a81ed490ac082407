package dev.campaignstudio.core.application;

import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.port.in.FindProducts;
import dev.campaignstudio.core.port.out.CheckpointStore;
import java.util.List;

/** Read side of products: their identity checkpoints. */
public final class ProductQueryService implements FindProducts {

    private final CheckpointStore checkpoints;

    public ProductQueryService(CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public List<ProductCheckpoint> checkpoints(String productId) {
        return checkpoints.forProduct(productId);
    }
}
