package dev.campaignstudio.core.job;

import dev.campaignstudio.core.id.WireEnum;

/** Lifecycle of a job: {@code queued -> running -> succeeded | failed | cancelled}. */
public enum JobStatus implements WireEnum {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True for the states a job never leaves. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
