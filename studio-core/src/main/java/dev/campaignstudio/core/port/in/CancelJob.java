package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.id.JobId;

/** Stops jobs on request. */
public interface CancelJob {

    /**
     * Asks a job to stop: no new step starts, pending steps are skipped, running steps are told to stop, and the job
     * ends {@code cancelled} once none is running. Cancelling twice is harmless.
     */
    CancelOutcome cancel(JobId id);
}
