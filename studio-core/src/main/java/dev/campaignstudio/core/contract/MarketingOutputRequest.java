package dev.campaignstudio.core.contract;

/**
 * One creative output in one mode.
 *
 * @param envelope common fields
 * @param product  the product snapshot
 * @param mode     which output to make
 * @param prompt   the campaign instruction
 * @param settings settings with the mode's defaults applied
 */
public record MarketingOutputRequest(
        RequestEnvelope envelope, ProductSnapshot product, OutputMode mode, String prompt, OutputSettings settings)
        implements JobRequest {

    public MarketingOutputRequest {
        Require.present(envelope, "envelope");
        Require.present(product, "product");
        Require.present(mode, "mode");
        Require.text(prompt, "prompt", Limits.PROMPT_MAX);
        Require.present(settings, "settings");
    }

    @Override
    public JobType type() {
        return JobType.MARKETING_OUTPUT;
    }
}
