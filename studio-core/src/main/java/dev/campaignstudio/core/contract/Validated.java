package dev.campaignstudio.core.contract;

import java.util.List;

/**
 * The outcome of reading client input: a value, or the complete list of reasons it was refused.
 *
 * @param <T> the type read
 */
public sealed interface Validated<T> {

    /** Input that met every rule. */
    record Valid<T>(T value) implements Validated<T> {}

    /** Input refused, with every violation found. */
    record Invalid<T>(List<Violation> violations) implements Validated<T> {
        public Invalid {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one violation");
            }
            violations = List.copyOf(violations);
        }
    }

    /** The value, or a {@link ContractException} with the violations. */
    default T orThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new ContractException(((Invalid<T>) this).violations());
    }
}
