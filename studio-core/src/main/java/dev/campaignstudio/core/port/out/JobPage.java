package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import java.util.List;

/**
 * A page of jobs.
 *
 * @param jobs jobs, newest first
 * @param next cursor for the next page, or {@code null} when this is the last
 */
public record JobPage(List<Job> jobs, JobId next) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
