package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.job.WorkQueue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The dispatch requests written with each ready step, waiting to be handed to a transport. */
public interface DispatchOutbox {

    /**
     * Takes up to {@code limit} due requests for {@code queues}, hands them to {@code publish}, and deletes them if it returns normally.
     * When {@code publish} throws, nothing is deleted and the requests wait for the next relay.
     *
     * @return how many were relayed
     */
    int relay(Instant now, int limit, Set<WorkQueue> queues, Consumer<List<Dispatch>> publish);

    /** When the earliest waiting request for one of {@code queues} becomes due, if any waits. */
    Optional<Instant> nextDue(Set<WorkQueue> queues);

    /** How many requests wait. */
    long backlog();
}
