package dev.campaignstudio.server.retention;

import dev.campaignstudio.core.id.JobId;
import java.time.Instant;
import java.util.List;

/** Removes what the service no longer needs to keep: whole jobs, old events, deliveries and rejected images. */
public interface RetentionStore {

    /** What came of a request to delete a job. */
    enum Deletion {
        /** The job, its retries, steps, events, deliveries and files' rows are gone. */
        DELETED,
        /** The job or one of its retries has not finished; nothing was deleted. */
        RUNNING,
        /** There is no such job. */
        NOT_FOUND
    }

    /**
     * Deletes a finished job with its retries (they carry its snapshot), their steps, notes, events, deliveries,
     * dispatches, product checkpoints and the rows of the files they made. A file another job still uses keeps its row
     * (detached from the job); every other file's blob is left to the orphan collector.
     */
    Deletion deleteJob(JobId id);

    /** Finished jobs that ended before {@code cutoff} and have no retries (those go first), oldest first. */
    List<JobId> finishedBefore(Instant cutoff, int limit);

    /** Deletes the callback deliveries (and their attempts) of finished jobs that ended before {@code cutoff}. */
    int deleteDeliveriesBefore(Instant cutoff);

    /** Deletes events of finished jobs that occurred before {@code cutoff} and no delivery still names. */
    int deleteEventsBefore(Instant cutoff);

    /**
     * Deletes the rows of images the fidelity loop rejected (role {@code rejected_image}) in step notes written before
     * {@code cutoff}; the notes keep their scores. The blobs are left to the orphan collector.
     */
    int deleteRejectedImagesBefore(Instant cutoff);
}
