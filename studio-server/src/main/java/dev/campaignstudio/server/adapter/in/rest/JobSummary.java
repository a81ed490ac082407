package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.job.Job;
import java.time.Instant;

/**
 * A job in a list: what a client filters and scans by. {@code GET /v1/jobs/{id}} has the rest.
 *
 * @param id          job id
 * @param jobType     job type
 * @param status      lifecycle state
 * @param mode        output mode, or {@code null}
 * @param productId   product
 * @param parentJobId resumed job, or {@code null}
 * @param createdAt   when accepted
 * @param updatedAt   last change
 * @param finishedAt  when it ended, or {@code null}
 */
public record JobSummary(
        String id,
        String jobType,
        String status,
        String mode,
        String productId,
        String parentJobId,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    static JobSummary of(Job job) {
        return new JobSummary(
                job.id().value(),
                job.type().wire(),
                job.status().wire(),
                job.mode() == null ? null : job.mode().wire(),
                job.productId(),
                job.parentJobId() == null ? null : job.parentJobId().value(),
                job.createdAt(),
                job.updatedAt(),
                job.finishedAt());
    }
}
