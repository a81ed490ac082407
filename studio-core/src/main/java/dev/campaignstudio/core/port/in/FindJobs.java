package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import java.util.List;
import java.util.Optional;

/** Reads jobs and their events. */
public interface FindJobs {

    /** The job with {@code id}, if any. */
    Optional<Job> job(JobId id);

    /** The retries of {@code id}, oldest first. */
    List<Job> retriesOf(JobId id);

    /** One page of jobs matching {@code query}, newest first. */
    JobPage jobs(JobQuery query);

    /** Every step attempt of {@code job}, in pipeline order: stage, then scene, then attempt. */
    List<StepRecord> steps(Job job);

    /** Events of {@code id} after sequence {@code after}, at most {@code limit}, in sequence order. */
    List<JobEvent> events(JobId id, long after, int limit);
}
