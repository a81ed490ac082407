package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.JobStatus;

/**
 * Filters and paging for listing jobs. Every filter is optional ({@code null}).
 *
 * @param status    only jobs in this state
 * @param type      only jobs of this type
 * @param mode      only jobs of this output mode (outputs and their retries)
 * @param productId only jobs of this product
 * @param before    only jobs older than this one (the cursor)
 * @param limit     page size, 1 to 100
 * @param owner     only jobs of this caller; {@code null} for every caller's (an admin)
 */
public record JobQuery(
        JobStatus status, JobType type, OutputMode mode, String productId, JobId before, int limit, String owner) {

    /** Largest page a client may ask for. */
    public static final int MAX_LIMIT = 100;

    public JobQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** A query of every caller's jobs. */
    public JobQuery(JobStatus status, JobType type, OutputMode mode, String productId, JobId before, int limit) {
        this(status, type, mode, productId, before, limit, null);
    }

    /** A query of any output mode. */
    public JobQuery(JobStatus status, JobType type, String productId, JobId before, int limit) {
        this(status, type, null, productId, before, limit, null);
    }
}
