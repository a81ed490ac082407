package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.contract.RetryRequest;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.port.in.CallbackDeliveries;
import dev.campaignstudio.core.port.in.FindJobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Assembles job resources: the job with every step attempt in pipeline order. */
@Component
class JobResources {

    private final FindJobs jobs;
    private final CallbackDeliveries deliveries;

    JobResources(FindJobs jobs, CallbackDeliveries deliveries) {
        this.jobs = jobs;
        this.deliveries = deliveries;
    }

    JobResource of(Job job) {
        return of(job, retries(job));
    }

    /** {@link #of} for a job just stored: nothing can retry it yet, so its retries are not looked up. */
    JobResource ofCreated(Job job) {
        return of(job, List.of());
    }

    private JobResource of(Job job, List<Map<String, Object>> retries) {
        return JobResource.of(
                job, jobs.steps(job).stream().map(JobResources::step).toList(), callback(job), retries);
    }

    /** The retries that resume {@code job}: id, status, target and link of each. */
    private List<Map<String, Object>> retries(Job job) {
        List<Map<String, Object>> retries = new ArrayList<>();
        for (Job retry : jobs.retriesOf(job.id())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", retry.id().value());
            entry.put("status", retry.status().wire());
            if (retry.request() instanceof RetryRequest request) {
                entry.put(
                        "target",
                        request.target().sceneOrder() == null
                                ? Map.of("stage", request.target().stage())
                                : Map.of(
                                        "stage",
                                        request.target().stage(),
                                        "scene_order",
                                        request.target().sceneOrder()));
            }
            entry.put("created_at", retry.createdAt().toString());
            entry.put("url", "/v1/jobs/" + retry.id().value());
            retries.add(entry);
        }
        return retries;
    }

    /** The callback's state at a glance: deliveries by status and the last problem, if any. */
    private Map<String, Object> callback(Job job) {
        if (job.request().envelope().callback() == null) {
            return null;
        }
        List<Delivery> all = deliveries.deliveries(job.id());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(
                    status.wire(),
                    all.stream().filter(d -> d.status() == status).count());
        }
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("url", Redaction.url(job.request().envelope().callback().url()));
        callback.put("deliveries", counts);
        callback.put(
                "last_error",
                all.stream()
                        .filter(d -> d.lastError() != null && d.status() != DeliveryStatus.DELIVERED)
                        .reduce((a, b) -> b)
                        .map(Delivery::lastError)
                        .orElse(null));
        return callback;
    }

    private static JobResource.StepResource step(StepRecord step) {
        Map<String, Object> outputs = new LinkedHashMap<>(step.outputs());
        if (!step.assets().isEmpty()) {
            outputs.put(
                    "assets",
                    step.assets().stream()
                            .map(a -> Map.of(
                                    "asset_id", a.assetId(), "role", a.role(), "url", "/v1/assets/" + a.assetId()))
                            .toList());
        }
        return new JobResource.StepResource(
                step.stage(),
                step.sceneOrNull(),
                step.status().wire(),
                step.attempt(),
                step.queue().wire(),
                step.adapter(),
                step.createdAt(),
                step.startedAt(),
                step.finishedAt(),
                step.error() == null ? null : step.error().toTree(),
                step.inputs(),
                outputs);
    }
}
