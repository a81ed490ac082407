package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.contract.JobRequest;

/** Accepts job requests, idempotently. */
public interface SubmitJob {

    /**
     * Accepts {@code request} as a new job, or returns the job its idempotency key already names.
     *
     * @param request     a request that passed the contract's checks
     * @param payloadHash SHA-256 of the canonical payload as submitted; a replay must carry the same hash
     * @return created, replayed, refused because the key holds another payload, or rejected with violations that need
     *         stored state to find (a missing asset, a retry target the earlier job does not have)
     */
    default SubmitOutcome submit(JobRequest request, String payloadHash) {
        return submit(request, payloadHash, dev.campaignstudio.core.job.Job.DEFAULT_OWNER);
    }

    /**
     * {@link #submit(JobRequest, String)} for {@code owner}: its idempotency keys, uploaded assets and retry targets
     * are its own; another caller's are as if they did not exist.
     */
    SubmitOutcome submit(JobRequest request, String payloadHash, String owner);
}
