package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.job.WorkQueue;
import java.util.List;
import java.util.Set;

/** Carries dispatches to the workers of their queues: in-process executors (embedded) or RabbitMQ (distributed). */
public interface WorkTransport {

    /** The queues this transport can carry dispatches for (in-process: only the ones this process serves). */
    Set<WorkQueue> carries();

    /**
     * Hands dispatches over. Returns only once the transport has taken responsibility for all of them (for RabbitMQ:
     * the broker confirmed them); throws otherwise, and the caller keeps them to try again.
     */
    void publish(List<Dispatch> dispatches);
}
