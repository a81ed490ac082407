package dev.campaignstudio.core.callback;

import dev.campaignstudio.core.id.WireEnum;

/** State of one event's callback delivery. */
public enum DeliveryStatus implements WireEnum {
    /** Waiting for its first or next attempt (and for the events before it). */
    PENDING("pending"),
    /** The receiver answered 2xx. */
    DELIVERED("delivered"),
    /** Given up: the retry horizon passed without a 2xx. */
    FAILED("failed"),
    /** Not sent: the receiver answered 410 Gone for this job, or the URL was refused by the outbound rules. */
    STOPPED("stopped");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
