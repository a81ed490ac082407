package dev.campaignstudio.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the engine.
 *
 * @param lease           how long a claim holds without renewal; a crashed worker's steps are given up after this
 * @param heartbeat       how often a running step renews its lease and checks whether to stop
 * @param redispatchAfter how long a dispatched step may wait unclaimed before it is dispatched again
 * @param workerId        names this process in leases
 */
public record EngineSettings(Duration lease, Duration heartbeat, Duration redispatchAfter, String workerId) {

    public EngineSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(redispatchAfter, "redispatchAfter");
        Objects.requireNonNull(workerId, "workerId");
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("the heartbeat must be shorter than the lease");
        }
    }
}
