package dev.campaignstudio.core.id;

import java.time.Clock;

/** Identifier of a job: {@code job_} followed by a ULID. */
public record JobId(String value) implements Comparable<JobId> {

    public static final String PREFIX = "job";

    public JobId {
        PrefixedId.require(PREFIX, value);
    }

    /** A new job id stamped with the current time of {@code clock}. */
    public static JobId next(Clock clock) {
        return new JobId(PREFIX + "_" + Ulid.next(clock));
    }

    /** True when {@code text} is a well-formed job id. */
    public static boolean isValid(String text) {
        return PrefixedId.matches(PREFIX, text);
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
