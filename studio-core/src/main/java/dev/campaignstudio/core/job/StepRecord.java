package dev.campaignstudio.core.job;

import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored step attempt.
 *
 * @param id             step id
 * @param jobId          its job
 * @param stage          stage name
 * @param sceneOrder     1-based scene, or 0 for stages that run once per job
 * @param attempt        1-based attempt
 * @param status         lifecycle state
 * @param queue          queue it runs on
 * @param inputs         what its outputs were made from (for checkpointed stages, the fingerprinted inputs), or empty
 * @param outputs        small JSON outputs (never file contents)
 * @param assets         files it produced, with their roles
 * @param error          why it failed, or {@code null}
 * @param adapter        which adapter served it, or {@code null}
 * @param leaseOwner     worker holding it while running, or {@code null}
 * @param leaseExpiresAt when that worker's claim lapses, or {@code null}
 * @param notBefore      earliest start (backoff of a re-attempt), or {@code null}
 * @param claims         how many times a worker has claimed it
 * @param createdAt      when it became ready
 * @param startedAt      first claim, or {@code null}
 * @param finishedAt     when it ended, or {@code null}
 */
public record StepRecord(
        StepId id,
        JobId jobId,
        String stage,
        int sceneOrder,
        int attempt,
        StepStatus status,
        WorkQueue queue,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        List<StepAsset> assets,
        JobError error,
        String adapter,
        String leaseOwner,
        Instant leaseExpiresAt,
        Instant notBefore,
        int claims,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public StepRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(createdAt, "createdAt");
        inputs = inputs == null ? Map.of() : inputs;
        outputs = outputs == null ? Map.of() : outputs;
        assets = assets == null ? List.of() : List.copyOf(assets);
        if (sceneOrder < 0 || attempt < 1) {
            throw new IllegalArgumentException("scene order must be 0 or more and attempt 1 or more");
        }
    }

    /** A new pending attempt. */
    public static StepRecord pending(
            StepId id,
            JobId jobId,
            String stage,
            int sceneOrder,
            int attempt,
            WorkQueue queue,
            Instant now,
            Instant notBefore) {
        return new StepRecord(
                id,
                jobId,
                stage,
                sceneOrder,
                attempt,
                StepStatus.PENDING,
                queue,
                Map.of(),
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                notBefore,
                0,
                now,
                null,
                null);
    }

    /**
     * This new pending attempt as taken by the worker that made it ready: running under {@code owner}'s lease, claimed
     * once, started {@code now}.
     */
    public StepRecord claimedBy(String owner, Instant now, Instant leaseUntil) {
        if (status != StepStatus.PENDING || claims != 0) {
            throw new IllegalStateException(
                    "only a new pending attempt is taken at once; this one is " + status.wire());
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return new StepRecord(
                id,
                jobId,
                stage,
                sceneOrder,
                attempt,
                StepStatus.RUNNING,
                queue,
                inputs,
                outputs,
                assets,
                error,
                adapter,
                owner,
                leaseUntil,
                notBefore,
                1,
                createdAt,
                now,
                null);
    }

    /** The slot this attempt fills: its stage and scene, whatever the attempt. */
    public Slot slot() {
        return new Slot(stage, sceneOrder);
    }

    /** The scene as clients see it: {@code null} for once-per-job stages. */
    public Integer sceneOrNull() {
        return sceneOrder == 0 ? null : sceneOrder;
    }

    /**
     * A file an attempt produced.
     *
     * @param assetId the asset
     * @param role    what it is in the output, e.g. {@code scene_image}
     */
    public record StepAsset(String assetId, String role) {}

    /**
     * A stage and scene of a job, which successive attempts fill.
     *
     * @param stage      stage name
     * @param sceneOrder 1-based scene, or 0
     */
    public record Slot(String stage, int sceneOrder) {}
}
