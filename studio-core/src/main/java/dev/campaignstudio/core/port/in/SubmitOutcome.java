package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.contract.Violation;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import java.util.List;

/** What became of a submission. */
public sealed interface SubmitOutcome {

    /** A new job was stored. */
    record Created(Job job) implements SubmitOutcome {}

    /** The key and payload match an earlier submission; this is that job and no new work was made. */
    record Replayed(Job job) implements SubmitOutcome {}

    /** The key is held by a job with another payload. */
    record KeyConflict(JobId existing) implements SubmitOutcome {}

    /** The request refers to something that does not exist or does not fit. */
    record Rejected(List<Violation> violations) implements SubmitOutcome {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
