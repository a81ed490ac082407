package dev.campaignstudio.core.job;

import dev.campaignstudio.core.id.WireEnum;

/** Lifecycle of one step attempt: {@code pending -> running -> succeeded | failed | skipped | reused}. */
public enum StepStatus implements WireEnum {
    /** Waiting for a worker (and for its backoff, if it is a re-attempt). */
    PENDING("pending"),
    /** Claimed by a worker that holds its lease. */
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    /** Not run: the job was cancelled or failed elsewhere first. */
    SKIPPED("skipped"),
    /** Not run: an earlier job's or a product checkpoint's outputs were taken instead. */
    REUSED("reused");

    private final String wire;

    StepStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True for states an attempt never leaves. */
    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }

    /** True when later stages may use this attempt's outputs. */
    public boolean isDone() {
        return this == SUCCEEDED || this == REUSED;
    }
}
