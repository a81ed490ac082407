package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.contract.JobRequestWriter;
import dev.campaignstudio.core.job.Job;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as {@code GET /v1/jobs/{id}} returns it (docs/api.md).
 *
 * @param id             job id
 * @param jobType        {@code marketing_creation}, {@code marketing_output} or {@code retry}
 * @param status         {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code cancelled}
 * @param mode           output mode, or {@code null} for creation jobs
 * @param productId      product the job is about
 * @param parentJobId    job a retry resumes, or {@code null}
 * @param idempotencyKey the client's key
 * @param createdAt      when it was accepted
 * @param updatedAt      last change
 * @param startedAt      when work started, or {@code null}
 * @param finishedAt     when it ended, or {@code null}
 * @param steps          every step, in pipeline order
 * @param error          structured error when failed, else {@code null}
 * @param manifest       output manifest when succeeded, else {@code null}
 * @param request        the stored request snapshot, defaults applied
 * @param cancelRequested whether cancellation was asked for (the job ends {@code cancelled} once no step runs)
 * @param callback       the callback's state (URL without query, deliveries by status, last problem), or {@code null}
 * @param retries        the retry jobs that resume this one (id, status, target, url), oldest first
 * @param links          related resources
 */
public record JobResource(
        String id,
        String jobType,
        String status,
        String mode,
        String productId,
        String parentJobId,
        String idempotencyKey,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        List<StepResource> steps,
        Map<String, Object> error,
        Map<String, Object> manifest,
        Map<String, Object> request,
        boolean cancelRequested,
        Map<String, Object> callback,
        List<Map<String, Object>> retries,
        Map<String, String> links) {

    private static final JobRequestWriter WRITER = new JobRequestWriter();

    /** The resource of {@code job} with {@code steps}. */
    public static JobResource of(
            Job job, List<StepResource> steps, Map<String, Object> callback, List<Map<String, Object>> retries) {
        String self = "/v1/jobs/" + job.id().value();
        return new JobResource(
                job.id().value(),
                job.type().wire(),
                job.status().wire(),
                job.mode() == null ? null : job.mode().wire(),
                job.productId(),
                job.parentJobId() == null ? null : job.parentJobId().value(),
                job.idempotencyKey(),
                job.createdAt(),
                job.updatedAt(),
                job.startedAt(),
                job.finishedAt(),
                steps,
                job.error() == null ? null : job.error().toTree(),
                job.manifest(),
                redacted(WRITER.write(job.request())),
                job.cancelRequested(),
                callback,
                retries,
                Map.of(
                        "self",
                        self,
                        "events",
                        self + "/events",
                        "stream",
                        self + "/events/stream",
                        "deliveries",
                        self + "/deliveries",
                        "cancel",
                        self + "/cancel"));
    }

    /** The stored request as it is shown: the callback URL without its query, which may carry the receiver's secret. */
    private static Map<String, Object> redacted(Map<String, Object> request) {
        if (!(request.get("callback") instanceof Map<?, ?> callback) || !(callback.get("url") instanceof String url)) {
            return request;
        }
        Map<String, Object> shown = new LinkedHashMap<>(request);
        Map<Object, Object> shownCallback = new LinkedHashMap<>(callback);
        shownCallback.put("url", Redaction.url(url));
        shown.put("callback", shownCallback);
        return shown;
    }

    /**
     * One step attempt of a job.
     *
     * @param stage      stage name
     * @param sceneOrder 1-based scene, or {@code null} for once-per-job stages
     * @param status     {@code pending}, {@code running}, {@code succeeded}, {@code failed}, {@code skipped} or {@code reused}
     * @param attempt    1-based attempt number
     * @param queue      queue it ran on
     * @param adapter    adapter that served it, or {@code null}
     * @param readyAt    when it became ready to run
     * @param startedAt  when a worker claimed it, or {@code null}
     * @param finishedAt when it ended, or {@code null}
     * @param error      structured error, or {@code null}
     * @param inputs     what its outputs were made from (for identity stages, the fingerprinted inputs and their
     *                   {@code fingerprint}); empty for stages that do not record them
     * @param outputs    small output values and the ids and URLs of the files it made ({@code assets})
     */
    public record StepResource(
            String stage,
            Integer sceneOrder,
            String status,
            int attempt,
            String queue,
            String adapter,
            Instant readyAt,
            Instant startedAt,
            Instant finishedAt,
            Map<String, Object> error,
            Map<String, Object> inputs,
            Map<String, Object> outputs) {}
}
