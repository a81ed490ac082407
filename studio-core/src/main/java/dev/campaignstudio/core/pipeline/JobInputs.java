package dev.campaignstudio.core.pipeline;

import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.ProductSnapshot;
import java.util.Objects;

/**
 * What a job's stages work from: the product snapshot and, for outputs, the mode, prompt and settings, with every
 * change a chain of retries made applied. Stages read only this, never the live product.
 *
 * @param product  the product as submitted
 * @param mode     output mode, or {@code null} for creation jobs
 * @param prompt   campaign instruction, or {@code null} for creation jobs
 * @param settings effective output settings, or {@code null} for creation jobs
 */
public record JobInputs(ProductSnapshot product, OutputMode mode, String prompt, OutputSettings settings) {

    public JobInputs {
        Objects.requireNonNull(product, "product");
    }

    /** The inputs of a creation job. */
    public static JobInputs creation(ProductSnapshot product) {
        return new JobInputs(product, null, null, null);
    }
}
