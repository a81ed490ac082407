package dev.campaignstudio.core.pipeline;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a stage applies to a job. A stage that does not apply is left out of that job's pipeline altogether: no step,
 * nothing waits for it.
 *
 * @param description in words, for documentation and messages
 * @param test        whether it applies to a job with these inputs
 */
public record StageCondition(String description, Predicate<JobInputs> test) {

    /** Every job. */
    public static final StageCondition ALWAYS = new StageCondition("always", inputs -> true);

    /** Jobs whose product has a link (a product page). */
    public static final StageCondition PRODUCT_HAS_LINK = new StageCondition(
            "the product has a link", inputs -> inputs.product().link() != null);

    public StageCondition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
    }

    /** Whether the stage applies to a job with {@code inputs}. */
    public boolean appliesTo(JobInputs inputs) {
        return test.test(inputs);
    }
}
