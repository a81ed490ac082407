package dev.campaignstudio.core.event;

import dev.campaignstudio.core.contract.WireEnum;

/** Lifecycle event types (DESIGN section 8). */
public enum JobEventType implements WireEnum {
    ACCEPTED("accepted"),
    STARTED("started"),
    PROGRESS("progress"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wire;

    JobEventType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
