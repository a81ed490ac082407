package dev.campaignstudio.core.job;

import dev.campaignstudio.core.id.WireEnum;

/** The logical queues (docs/engine.md, "Queues"); each scales on its own. */
public enum WorkQueue implements WireEnum {
    /** Identity, image, video and assembly stages. */
    MARKETING("marketing"),
    /** Lip-sync and UGC presenter media. */
    AVATAR("avatar"),
    /** Callback deliveries. */
    CALLBACKS("callbacks"),
    /** Lease sweeps and clean-up. */
    MAINTENANCE("maintenance"),
    /** Re-attempts of steps after a transient failure, once their backoff has passed. */
    RETRY("retry");

    private final String wire;

    WorkQueue(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
