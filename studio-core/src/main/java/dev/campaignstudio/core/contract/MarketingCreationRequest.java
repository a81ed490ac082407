package dev.campaignstudio.core.contract;

/**
 * Builds a product's identity checkpoints (cut-out, metadata, character sheet, storyboard seeds).
 *
 * @param envelope common fields
 * @param product  the product snapshot
 */
public record MarketingCreationRequest(RequestEnvelope envelope, ProductSnapshot product) implements JobRequest {

    public MarketingCreationRequest {
        Require.present(envelope, "envelope");
        Require.present(product, "product");
    }

    @Override
    public JobType type() {
        return JobType.MARKETING_CREATION;
    }
}
