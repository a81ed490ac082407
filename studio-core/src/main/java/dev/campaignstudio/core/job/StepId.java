package dev.campaignstudio.core.job;

import dev.campaignstudio.core.id.PrefixedId;
import dev.campaignstudio.core.id.Ulid;
import java.time.Clock;

/** Identifier of one step attempt: {@code stp_} followed by a ULID. */
public record StepId(String value) {

    public static final String PREFIX = "stp";

    public StepId {
        PrefixedId.require(PREFIX, value);
    }

    /** A new step id. */
    public static StepId next(Clock clock) {
        return new StepId(PREFIX + "_" + Ulid.next(clock));
    }

    /** True when {@code text} is a well-formed step id. */
    public static boolean isValid(String text) {
        return PrefixedId.matches(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
