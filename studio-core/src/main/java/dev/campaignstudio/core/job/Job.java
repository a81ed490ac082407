package dev.campaignstudio.core.job;

import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A submitted job with its whole request snapshot.
 *
 * @param id          the job id
 * @param type        job type
 * @param status      lifecycle state
 * @param mode        output mode for outputs and their retries, else {@code null}
 * @param productId   product the job is about
 * @param parentJobId the job a retry resumes, else {@code null}
 * @param request     the request as accepted, defaults applied; execution reads only this
 * @param requestHash SHA-256 of the canonical payload as submitted, for idempotent replays
 * @param createdAt   when it was accepted
 * @param updatedAt   last state change
 * @param startedAt   when the first step started, or {@code null}
 * @param finishedAt  when it reached a terminal state, or {@code null}
 * @param error       why it failed, or {@code null}
 * @param manifest    output manifest tree when it succeeded, or {@code null}
 * @param cancelRequested whether a client asked to cancel it; no new step starts once set
 * @param owner       the caller that submitted it; only that caller (or an admin) sees and touches it
 */
public record Job(
        JobId id,
        JobType type,
        JobStatus status,
        OutputMode mode,
        String productId,
        JobId parentJobId,
        JobRequest request,
        String requestHash,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        JobError error,
        Map<String, Object> manifest,
        boolean cancelRequested,
        String owner) {

    /** The caller of the single-token default, which owns everything submitted without a named caller. */
    public static final String DEFAULT_OWNER = "api";

    public Job {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (request.type() != type) {
            throw new IllegalArgumentException("job type " + type + " does not match its request " + request.type());
        }
    }

    /** A job of the default caller ({@link #DEFAULT_OWNER}). */
    public Job(
            JobId id,
            JobType type,
            JobStatus status,
            OutputMode mode,
            String productId,
            JobId parentJobId,
            JobRequest request,
            String requestHash,
            Instant createdAt,
            Instant updatedAt,
            Instant startedAt,
            Instant finishedAt,
            JobError error,
            Map<String, Object> manifest,
            boolean cancelRequested) {
        this(
                id,
                type,
                status,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                error,
                manifest,
                cancelRequested,
                DEFAULT_OWNER);
    }

    /** A job just accepted: queued, nothing run. */
    public static Job accepted(
            JobId id,
            JobRequest request,
            String requestHash,
            OutputMode mode,
            String productId,
            JobId parentJobId,
            Instant now) {
        return new Job(
                id,
                request.type(),
                JobStatus.QUEUED,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                now,
                now,
                null,
                null,
                null,
                null,
                false,
                DEFAULT_OWNER);
    }

    /** This job, owned by {@code caller}. */
    public Job ownedBy(String caller) {
        return new Job(
                id,
                type,
                status,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                error,
                manifest,
                cancelRequested,
                caller);
    }

    /** Whether {@code viewer} may see this job: its owner, or anyone when {@code viewer} is {@code null} (an admin). */
    public boolean visibleTo(String viewer) {
        return viewer == null || viewer.equals(owner);
    }

    /** This job, now running (first step claimed). */
    public Job started(Instant now) {
        StateChanges.check(status, JobStatus.RUNNING);
        return new Job(
                id,
                type,
                JobStatus.RUNNING,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                now,
                now,
                null,
                null,
                null,
                cancelRequested,
                owner);
    }

    /** This job, succeeded with {@code outputManifest}. */
    public Job succeeded(Map<String, Object> outputManifest, Instant now) {
        return finished(JobStatus.SUCCEEDED, null, outputManifest, now);
    }

    /** This job, failed with {@code failure}. */
    public Job failed(JobError failure, Instant now) {
        return finished(JobStatus.FAILED, failure, null, now);
    }

    /** This job, cancelled. */
    public Job cancelled(Instant now) {
        return finished(JobStatus.CANCELLED, null, null, now);
    }

    /** This job as it is, with {@code replacement} as its manifest (e.g. with fresh download links). */
    public Job withManifest(Map<String, Object> replacement) {
        return new Job(
                id,
                type,
                status,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                updatedAt,
                startedAt,
                finishedAt,
                error,
                replacement,
                cancelRequested,
                owner);
    }

    /** This job with cancellation requested. */
    public Job cancelRequested(Instant now) {
        return new Job(
                id,
                type,
                status,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                now,
                startedAt,
                finishedAt,
                error,
                manifest,
                true,
                owner);
    }

    private Job finished(JobStatus to, JobError failure, Map<String, Object> outputManifest, Instant now) {
        StateChanges.check(status, to);
        return new Job(
                id,
                type,
                to,
                mode,
                productId,
                parentJobId,
                request,
                requestHash,
                createdAt,
                now,
                startedAt,
                now,
                failure,
                outputManifest,
                cancelRequested,
                owner);
    }

    /** The client's idempotency key. */
    public String idempotencyKey() {
        return request.idempotencyKey();
    }
}
