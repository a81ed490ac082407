package dev.campaignstudio.core.engine;

import dev.campaignstudio.core.job.WorkQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Timing of the engine.
 *
 * @param lease           how long a claim holds without renewal; a crashed worker's steps are given up after this
 * @param heartbeat       how often a running step renews its lease and checks whether to stop
 * @param redispatchAfter how long a dispatched step may wait unclaimed before it is dispatched again
 * @param workerId        names this process in leases
 * @param takesNext       queues on which a worker that finishes a step takes the next ready step of the same queue
 *                        itself, in the transaction that records the finished one, instead of dispatching it (the
 *                        queues this process serves; empty: every ready step is dispatched)
 */
public record EngineSettings(
        Duration lease, Duration heartbeat, Duration redispatchAfter, String workerId, Set<WorkQueue> takesNext) {

    /** Settings of a worker that dispatches every ready step. */
    public EngineSettings(Duration lease, Duration heartbeat, Duration redispatchAfter, String workerId) {
        this(lease, heartbeat, redispatchAfter, workerId, Set.of());
    }

    public EngineSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(redispatchAfter, "redispatchAfter");
        Objects.requireNonNull(workerId, "workerId");
        takesNext = takesNext == null ? Set.of() : Set.copyOf(takesNext);
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("the heartbeat must be shorter than the lease");
        }
    }
}
