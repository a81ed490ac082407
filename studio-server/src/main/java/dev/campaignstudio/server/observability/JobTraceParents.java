package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.id.JobId;
import java.util.Optional;

/** The W3C {@code traceparent} each job keeps, so its steps join the trace of the request that submitted it. */
public interface JobTraceParents {

    /** Remembers {@code traceParent} for {@code job} (a job keeps the first one). */
    void remember(JobId job, String traceParent);

    /** The trace parent of {@code job}, if one was remembered. */
    Optional<String> of(JobId job);
}
