package dev.campaignstudio.core.stage.fidelity;

import dev.campaignstudio.core.contract.Presentation;

/**
 * The score an image of the product must reach to be accepted, per presentation mode: strict when the product is shown
 * alone, looser when a presenter shares the frame (the product is smaller there and may be held).
 *
 * @param productOnly {@code product_only}
 * @param withModel   {@code with_model}
 * @param mixed       {@code mixed}
 */
public record FidelityThresholds(double productOnly, double withModel, double mixed) {

    /** The service's defaults. */
    public static final FidelityThresholds DEFAULTS = new FidelityThresholds(0.8, 0.7, 0.7);

    public FidelityThresholds {
        check(productOnly, "product_only");
        check(withModel, "with_model");
        check(mixed, "mixed");
    }

    /** The threshold for a job shown as {@code presentation}. */
    public double of(Presentation presentation) {
        return switch (presentation) {
            case PRODUCT_ONLY -> productOnly;
            case WITH_MODEL -> withModel;
            case MIXED -> mixed;
        };
    }

    private static void check(double threshold, String name) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "the fidelity threshold for " + name + " must be above 0 and at most 1, not " + threshold);
        }
    }
}
