package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.job.Job;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles job resources: the job with its steps. */
@Component
class JobResources {

    JobResource of(Job job) {
        return JobResource.of(job, List.of());
    }
}
