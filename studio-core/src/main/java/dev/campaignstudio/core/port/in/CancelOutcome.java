package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.job.Job;

/** What became of a cancellation request. */
public sealed interface CancelOutcome {

    /** Cancellation is recorded: the job is cancelled, or will be once its running steps stop. */
    record Accepted(Job job) implements CancelOutcome {}

    /** The job had already ended; nothing changed. */
    record AlreadyFinished(Job job) implements CancelOutcome {}

    /** No such job. */
    record NotFound() implements CancelOutcome {}
}
