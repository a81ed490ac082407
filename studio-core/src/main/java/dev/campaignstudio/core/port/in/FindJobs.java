package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import java.util.List;
import java.util.Optional;

/** Reads jobs and their events. */
public interface FindJobs {

    /** The job with {@code id}, if any. */
    Optional<Job> job(JobId id);

    /**
     * The job with {@code id} if {@code viewer} may see it.
     *
     * @param viewer the calling caller, or {@code null} for an admin, who sees every caller's jobs
     * @return empty when there is no such job or it belongs to another caller (told apart by nobody)
     */
    default Optional<Job> job(JobId id, String viewer) {
        return job(id).filter(job -> job.visibleTo(viewer));
    }

    /** The retries of {@code id}, oldest first. */
    List<Job> retriesOf(JobId id);

    /** One page of jobs matching {@code query}, newest first. */
    JobPage jobs(JobQuery query);

    /** Every step attempt of {@code job}, in pipeline order: stage, then scene, then attempt. */
    List<StepRecord> steps(Job job);

    /** Events of {@code id} after sequence {@code after}, at most {@code limit}, in sequence order. */
    List<JobEvent> events(JobId id, long after, int limit);
}
