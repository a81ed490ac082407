package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.contract.Callback;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.contract.Validated;
import dev.campaignstudio.core.contract.Violation;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.port.in.CancelJob;
import dev.campaignstudio.core.port.in.CancelOutcome;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.core.port.in.SubmitJob;
import dev.campaignstudio.core.port.in.SubmitOutcome;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.server.config.ApiCaller;
import dev.campaignstudio.server.config.StudioProperties;
import dev.campaignstudio.server.json.JsonCodec;
import dev.campaignstudio.server.retention.RetentionStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/jobs}: submit jobs idempotently, read them back, list them. */
@RestController
@RequestMapping("/v1/jobs")
class JobController {

    private static final String EXAMPLE = """
            {
              "contract_version": 2,
              "job_type": "marketing_output",
              "idempotency_key": "summer-launch-0001",
              "product": {
                "product_id": "sku-123",
                "name": "Aurora Water Bottle",
                "images": [{"uri": "https://cdn.example.com/aurora.png"}]
              },
              "mode": "fast_video",
              "prompt": "Summer launch: bright, upbeat, beach vibes",
              "settings": {"aspect": "9:16", "duration_s": 15, "scene_count": 5}
            }""";

    private final SubmitJob submitJob;
    private final FindJobs findJobs;
    private final CancelJob cancelJob;
    private final JobResources resources;
    private final long maxBodyBytes;
    private final JobRequestReader reader;

    private final RetentionStore retention;

    JobController(
            SubmitJob submitJob,
            FindJobs findJobs,
            CancelJob cancelJob,
            JobResources resources,
            StudioProperties properties,
            JobRequestReader reader,
            RetentionStore retention) {
        this.retention = retention;
        this.reader = reader;
        this.submitJob = submitJob;
        this.findJobs = findJobs;
        this.cancelJob = cancelJob;
        this.resources = resources;
        this.maxBodyBytes = properties.api().maxRequestBytes().toBytes();
    }

    @Operation(
            summary = "Submit a job",
            description =
                    "201 with the new job; 200 with the original job when the same "
                            + "idempotency key and payload were submitted before; 409 when the key holds another payload; 422 lists every violation.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = @ExampleObject(name = "fast_video", value = EXAMPLE))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobResource> submit(HttpServletRequest http) throws IOException {
        byte[] body = BoundedBody.read(http.getInputStream(), http.getContentLengthLong(), maxBodyBytes);
        Object tree = JsonCodec.parse(body);
        Validated<JobRequest> read = reader.read(tree);
        if (read instanceof Validated.Invalid<JobRequest> invalid) {
            throw invalid(invalid.violations());
        }
        ApiCaller caller = Callers.current();
        JobRequest request = read.orThrow();
        Callback callback = request.envelope().callback();
        if (callback != null && !caller.allowsCallback(callback.url())) {
            throw invalid(List.of(new Violation(
                    "/callback/url",
                    "NOT_ALLOWED",
                    "this caller's callbacks may not go to this URL (see its callback-prefixes)")));
        }
        SubmitOutcome outcome = submitJob.submit(request, CanonicalJson.sha256(tree), caller.name());
        if (outcome instanceof SubmitOutcome.Created created) {
            return ResponseEntity.created(
                            URI.create("/v1/jobs/" + created.job().id().value()))
                    .body(resources.ofCreated(created.job()));
        }
        if (outcome instanceof SubmitOutcome.Replayed replayed) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(resources.of(replayed.job()));
        }
        if (outcome instanceof SubmitOutcome.KeyConflict conflict) {
            throw new ApiException(
                            409,
                            "IDEMPOTENCY_KEY_REUSED",
                            "Idempotency key reused",
                            "this idempotency key was used for a different request; use a new key for new work")
                    .aboutJob(conflict.existing().value());
        }
        throw invalid(((SubmitOutcome.Rejected) outcome).violations());
    }

    @Operation(summary = "Read a job with its steps, error or manifest")
    @GetMapping("/{id}")
    JobResource get(@PathVariable("id") String id) {
        if (!JobId.isValid(id)) {
            throw ApiException.notFound("no job has the id '" + abbreviate(id) + "'");
        }
        return findJobs.job(new JobId(id), Callers.current().viewer())
                .map(resources::of)
                .orElseThrow(() -> ApiException.notFound("no job has the id '" + id + "'"));
    }

    @Operation(
            summary = "Cancel a job",
            description =
                    "202: no new step starts, pending steps are skipped, running steps are "
                            + "told to stop; the job ends cancelled once none runs (at once when none was running). 409 when it had already ended.")
    @PostMapping("/{id}/cancel")
    ResponseEntity<JobResource> cancel(@PathVariable("id") String id) {
        if (!JobId.isValid(id)) {
            throw ApiException.notFound("no job has the id '" + abbreviate(id) + "'");
        }
        if (findJobs.job(new JobId(id), Callers.current().viewer()).isEmpty()) {
            throw ApiException.notFound("no job has the id '" + id + "'");
        }
        CancelOutcome outcome = cancelJob.cancel(new JobId(id));
        if (outcome instanceof CancelOutcome.Accepted accepted) {
            return ResponseEntity.accepted().body(resources.of(accepted.job()));
        }
        if (outcome instanceof CancelOutcome.AlreadyFinished finished) {
            throw new ApiException(
                            409,
                            "JOB_FINISHED",
                            "Job already finished",
                            "the job has already ended "
                                    + finished.job().status().wire())
                    .aboutJob(id);
        }
        throw ApiException.notFound("no job has the id '" + id + "'");
    }

    @Operation(
            summary = "Delete a finished job",
            description = "204: the job, its retries, steps, events, deliveries "
                    + "and the files it made are removed (a privacy request); files no other job uses leave the asset store "
                    + "after the orphan grace. 409 while the job or one of its retries has not finished.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") String id) {
        if (!JobId.isValid(id)
                || findJobs.job(new JobId(id), Callers.current().viewer()).isEmpty()) {
            throw ApiException.notFound("no job has the id '" + abbreviate(id) + "'");
        }
        RetentionStore.Deletion deletion = retention.deleteJob(new JobId(id));
        if (deletion == RetentionStore.Deletion.RUNNING) {
            throw new ApiException(
                            409,
                            "JOB_RUNNING",
                            "Job has not finished",
                            "the job or one of its retries has not finished; cancel it and delete it once it has ended")
                    .aboutJob(id);
        }
        if (deletion == RetentionStore.Deletion.NOT_FOUND) {
            throw ApiException.notFound("no job has the id '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "List jobs, newest first",
            description = "The caller's own jobs (an admin's: every caller's). "
                    + "Filter by status, job_type, mode and product_id; page with "
                    + "limit (1-100, default 20) and the next_cursor of the previous page.")
    @GetMapping
    JobPageResource list(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "job_type", required = false) String jobType,
            @RequestParam(name = "mode", required = false) String mode,
            @RequestParam(name = "product_id", required = false) String productId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        List<ApiProblem.Error> errors = new ArrayList<>();
        JobStatus wantedStatus = choice("status", status, JobStatus.class, errors);
        JobType wantedType = choice("job_type", jobType, JobType.class, errors);
        OutputMode wantedMode = null;
        if (mode != null) {
            try {
                wantedMode = OutputMode.of(mode);
            } catch (IllegalArgumentException e) {
                errors.add(ApiProblem.Error.parameter("mode", "FORMAT", "must be an output mode such as fast_video"));
            }
        }
        int size = 20;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > JobQuery.MAX_LIMIT) {
                errors.add(ApiProblem.Error.parameter(
                        "limit", "OUT_OF_RANGE", "must be an integer from 1 to " + JobQuery.MAX_LIMIT));
            }
        }
        if (cursor != null && !JobId.isValid(cursor)) {
            errors.add(ApiProblem.Error.parameter("cursor", "FORMAT", "must be the next_cursor of a previous page"));
        }
        if (productId != null && (productId.isBlank() || productId.length() > 128)) {
            errors.add(ApiProblem.Error.parameter("product_id", "FORMAT", "must have 1 to 128 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    400,
                    "BAD_PARAMETER",
                    "Bad query parameter",
                    errors.size() + " query parameter(s) are invalid",
                    errors);
        }
        JobPage page = findJobs.jobs(new JobQuery(
                wantedStatus,
                wantedType,
                wantedMode,
                productId,
                cursor == null ? null : new JobId(cursor),
                size,
                Callers.current().viewer()));
        return new JobPageResource(
                page.jobs().stream().map(JobSummary::of).toList(),
                page.next() == null ? null : page.next().value());
    }

    private static <E extends Enum<E> & WireEnum> E choice(
            String name, String value, Class<E> type, List<ApiProblem.Error> errors) {
        if (value == null) {
            return null;
        }
        return WireEnum.parse(type, value).orElseGet(() -> {
            errors.add(ApiProblem.Error.parameter(name, "ENUM", "must be one of " + WireEnum.spellings(type)));
            return null;
        });
    }

    static ApiException invalid(List<Violation> violations) {
        List<ApiProblem.Error> errors = violations.stream()
                .map(v -> ApiProblem.Error.at(v.pointer(), v.code(), v.message()))
                .toList();
        String detail = violations.size() == 1
                ? describe(violations.get(0))
                : violations.size() + " problems were found in the request: " + describe(violations.get(0)) + "; ...";
        return new ApiException(422, "VALIDATION_FAILED", "Request is invalid", detail, errors);
    }

    private static String describe(Violation v) {
        return (v.pointer().isEmpty() ? "the body" : v.pointer()) + " " + v.message();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
