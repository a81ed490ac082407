package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.id.JobId;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Ties a new job to the trace of the request that submitted it: the request's W3C {@code traceparent} is kept with the
 * job, and each of its steps, in whichever process, starts its span under it (docs/operations.md, "Traces").
 */
public final class JobTracing {

    private final Tracer tracer;
    private final Propagator propagator;
    private final JobTraceParents parents;

    public JobTracing(Tracer tracer, Propagator propagator, JobTraceParents parents) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.parents = parents;
    }

    /** Keeps the current trace context as {@code job}'s, when there is one. */
    public void rememberCurrent(JobId job) {
        String parent = current();
        if (parent != null) {
            parents.remember(job, parent);
        }
    }

    /** The current trace context as a W3C {@code traceparent}, or {@code null} outside a trace. */
    public String current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get("traceparent");
    }
}
