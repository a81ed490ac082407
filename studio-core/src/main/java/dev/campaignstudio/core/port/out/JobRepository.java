package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.StepId;
import java.util.List;
import java.util.Optional;

/** Durable jobs. */
public interface JobRepository {

    /**
     * Stores a new job.
     *
     * @param job a job not stored before
     * @throws DuplicateIdempotencyKeyException when another job already holds the job's idempotency key
     */
    void insert(Job job);

    /** The job with {@code id}, if stored. */
    Optional<Job> find(JobId id);

    /**
     * The job with {@code id}, locked until the current transaction ends, so decisions about it are taken one at a
     * time. Call inside a transaction.
     */
    Optional<Job> lock(JobId id);

    /**
     * The job of the step {@code step}, locked as {@link #lock} does; empty when no such step is stored. A worker
     * claiming a step knows only the step's id: a database answers this in one round trip (docs/engine.md "Where the
     * time goes"), the default reads the step from {@code steps} first.
     */
    default Optional<Job> lockJobOf(StepId step, StepStore steps) {
        return steps.find(step).flatMap(found -> lock(found.jobId()));
    }

    /** Stores a changed state of a stored job: status, timestamps, error, manifest, cancellation. */
    void update(Job job);

    /** The retries that name {@code parent} as the job they resume, oldest first. */
    List<Job> retriesOf(JobId parent);

    /** The job of {@code owner} that holds {@code idempotencyKey}, if any: keys are scoped per caller. */
    Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey);

    /**
     * One page of jobs, newest first.
     *
     * @param query filters, page size and the cursor of the previous page
     * @return the page and the cursor of the next one
     */
    JobPage list(JobQuery query);
}
