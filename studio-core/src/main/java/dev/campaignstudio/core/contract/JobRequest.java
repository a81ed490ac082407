package dev.campaignstudio.core.contract;

/** A job as a client submits it (contract version 2): one of three types, each a record that checks itself. */
public sealed interface JobRequest permits MarketingCreationRequest, MarketingOutputRequest, RetryRequest {

    /** Fields common to every job type. */
    RequestEnvelope envelope();

    /** Which of the three types this is. */
    JobType type();

    /** Shortcut to the idempotency key. */
    default String idempotencyKey() {
        return envelope().idempotencyKey();
    }
}
