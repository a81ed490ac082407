package dev.campaignstudio.server.config;

import dev.campaignstudio.core.stage.fidelity.FidelityThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.fidelity.*}: the product-fidelity loop.
 *
 * @param thresholds the score an image must reach per presentation mode
 */
@ConfigurationProperties("studio.fidelity")
public record FidelityProperties(Thresholds thresholds) {

    public FidelityProperties {
        thresholds = thresholds == null ? new Thresholds(null, null, null) : thresholds;
    }

    /**
     * {@code studio.fidelity.thresholds.*}, each above 0 and at most 1.
     *
     * @param productOnly {@code product_only} (strict)
     * @param withModel   {@code with_model}
     * @param mixed       {@code mixed}
     */
    public record Thresholds(Double productOnly, Double withModel, Double mixed) {}

    /** The thresholds; an out-of-range value stops the service with a message naming it. */
    public FidelityThresholds resolved() {
        FidelityThresholds defaults = FidelityThresholds.DEFAULTS;
        try {
            return new FidelityThresholds(
                    thresholds.productOnly() == null ? defaults.productOnly() : thresholds.productOnly(),
                    thresholds.withModel() == null ? defaults.withModel() : thresholds.withModel(),
                    thresholds.mixed() == null ? defaults.mixed() : thresholds.mixed());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("studio.fidelity.thresholds: " + e.getMessage(), e);
        }
    }
}
