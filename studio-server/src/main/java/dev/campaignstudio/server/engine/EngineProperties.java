package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.job.WorkQueue;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.engine.*}: engine timing, which queues this process serves and with how many workers each.
 *
 * @param lease           a claim's life without renewal; a crashed worker's step is given up after it
 * @param heartbeat       how often running steps renew their lease and check for cancellation
 * @param redispatchAfter how long a dispatched step may wait unclaimed before it is dispatched again
 * @param sweepInterval   how often the maintenance sweep runs (in processes serving {@code maintenance})
 * @param relayInterval   longest pause of the dispatch relay between polls
 * @param queues          queues this process works on; empty for an API-only process
 * @param concurrency     workers per queue (and RabbitMQ prefetch)
 * @param queuePrefix     prefix of broker queue names, e.g. {@code studio} gives {@code studio.marketing}
 */
@ConfigurationProperties("studio.engine")
public record EngineProperties(
        Duration lease,
        Duration heartbeat,
        Duration redispatchAfter,
        Duration sweepInterval,
        Duration relayInterval,
        List<String> queues,
        Map<String, Integer> concurrency,
        String queuePrefix) {

    private static final Map<WorkQueue, Integer> DEFAULT_CONCURRENCY = Map.of(
            WorkQueue.MARKETING,
            4,
            WorkQueue.AVATAR,
            2,
            WorkQueue.CALLBACKS,
            4,
            WorkQueue.MAINTENANCE,
            1,
            WorkQueue.RETRY,
            2);

    public EngineProperties {
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        redispatchAfter = redispatchAfter == null ? Duration.ofSeconds(60) : redispatchAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        relayInterval = relayInterval == null ? Duration.ofMillis(500) : relayInterval;
        queues = queues == null
                ? List.of("marketing", "avatar", "callbacks", "maintenance", "retry")
                : List.copyOf(queues);
        concurrency = concurrency == null ? Map.of() : Map.copyOf(concurrency);
        queuePrefix = queuePrefix == null || queuePrefix.isBlank() ? "studio" : queuePrefix;
        for (String queue : queues) {
            if (!queue.isBlank()) {
                WorkQueue.valueOf(queue.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    /** The queues this process serves. */
    public Set<WorkQueue> servedQueues() {
        Set<WorkQueue> served = EnumSet.noneOf(WorkQueue.class);
        for (String queue : queues) {
            if (!queue.isBlank()) {
                served.add(WorkQueue.valueOf(queue.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return served;
    }

    /** Workers for {@code queue}, at least 1. */
    public int concurrency(WorkQueue queue) {
        Map<WorkQueue, Integer> merged = new EnumMap<>(DEFAULT_CONCURRENCY);
        concurrency.forEach(
                (name, n) -> merged.put(WorkQueue.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)), n));
        return Math.max(1, merged.get(queue));
    }

    /** The broker queue name of {@code queue}. */
    public String brokerQueue(WorkQueue queue) {
        return queuePrefix + "." + queue.wire();
    }
}
