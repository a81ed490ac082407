package dev.campaignstudio.core.event;

import dev.campaignstudio.core.id.WireEnum;

/**
 * Lifecycle event types (docs/callbacks.md, "The events"), {@code cancelled} among them: the terminal event of a
 * cancelled job.
 */
public enum JobEventType implements WireEnum {
    ACCEPTED("accepted"),
    STARTED("started"),
    PROGRESS("progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    /** The job was cancelled on request; the terminal event of a cancelled job. */
    CANCELLED("cancelled");

    private final String wire;

    JobEventType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
