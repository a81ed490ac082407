package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.engine.StepRecord;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.in.FindJobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Assembles job resources: the job with every step attempt in pipeline order. */
@Component
class JobResources {

    private final FindJobs jobs;

    JobResources(FindJobs jobs) {
        this.jobs = jobs;
    }

    JobResource of(Job job) {
        return JobResource.of(job, jobs.steps(job).stream().map(JobResources::step).toList());
    }

    private static JobResource.StepResource step(StepRecord step) {
        Map<String, Object> outputs = new LinkedHashMap<>(step.outputs());
        if (!step.assets().isEmpty()) {
            outputs.put("assets", step.assets().stream().map(a -> Map.of("asset_id", a.assetId(), "role", a.role(),
                    "url", "/v1/assets/" + a.assetId())).toList());
        }
        return new JobResource.StepResource(step.stage(), step.sceneOrNull(), step.status().wire(), step.attempt(), step.queue().wire(),
                step.adapter(), step.createdAt(), step.startedAt(), step.finishedAt(), step.error() == null ? null : step.error().toTree(),
                outputs);
    }
}
