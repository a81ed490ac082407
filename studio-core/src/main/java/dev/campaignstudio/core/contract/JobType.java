package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.WireEnum;

/** The three kinds of job a client can submit. */
public enum JobType implements WireEnum {
    /** Builds a product's identity checkpoints. */
    MARKETING_CREATION("marketing_creation"),
    /** Makes one creative output in one of the output modes. */
    MARKETING_OUTPUT("marketing_output"),
    /** Resumes an earlier job from a stage or a scene. */
    RETRY("retry");

    private final String wire;

    JobType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
