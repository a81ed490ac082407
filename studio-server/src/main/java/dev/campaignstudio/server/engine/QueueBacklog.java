package dev.campaignstudio.server.engine;

import java.time.Instant;
import java.util.List;

/** How many steps wait, ready, on each queue, and since when the oldest of them has been ready. */
public interface QueueBacklog {

    /**
     * One queue's ready steps.
     *
     * @param queue        the logical queue, e.g. {@code marketing}
     * @param ready        steps pending and due now
     * @param oldestReadyAt when the oldest of them became due (or was made), {@code null} when none is ready
     */
    record Depth(String queue, long ready, Instant oldestReadyAt) {}

    /** Every queue that has ready steps now. */
    List<Depth> depths();
}
