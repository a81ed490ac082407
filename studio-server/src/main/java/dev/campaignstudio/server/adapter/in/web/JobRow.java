package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.job.Job;
import java.time.Instant;

/**
 * A job in the console's list.
 *
 * @param id          job id
 * @param type        job type
 * @param status      lifecycle state
 * @param mode        output mode, or {@code null}
 * @param productId   product
 * @param parentJobId the job a retry resumes, or {@code null}
 * @param createdAt   when it was accepted
 * @param took        how long it ran, or ran so far, or empty text while queued
 */
public record JobRow(
        String id,
        String type,
        String status,
        String mode,
        String productId,
        String parentJobId,
        Instant createdAt,
        String took) {

    static JobRow of(Job job, Instant now) {
        return new JobRow(
                job.id().value(),
                job.type().wire(),
                job.status().wire(),
                job.mode() == null ? null : job.mode().wire(),
                job.productId(),
                job.parentJobId() == null ? null : job.parentJobId().value(),
                job.createdAt(),
                Durations.between(
                        job.startedAt(),
                        job.finishedAt() != null ? job.finishedAt() : job.startedAt() == null ? null : now));
    }

    /** When it was accepted, in UTC. */
    public String created() {
        return Durations.at(createdAt);
    }

    /** Whether the job may still change. */
    public boolean live() {
        return status.equals("queued") || status.equals("running");
    }
}
