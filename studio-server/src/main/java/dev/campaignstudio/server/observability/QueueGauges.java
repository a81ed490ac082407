package dev.campaignstudio.server.observability;

import dev.campaignstudio.server.engine.QueueBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per queue: steps ready and waiting ({@code studio.queue.ready}) and how long the oldest of them has waited
 * ({@code studio.queue.oldest.age}, seconds). Read from the database at most once a second, whoever scrapes.
 */
final class QueueGauges implements MeterBinder {

    /** The logical queues steps run on. */
    static final List<String> QUEUES = List.of("marketing", "avatar", "retry");

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final QueueBacklog backlog;
    private final Clock clock;
    private Map<String, QueueBacklog.Depth> last = Map.of();
    private Instant readAt = Instant.MIN;

    QueueGauges(QueueBacklog backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : QUEUES) {
            Gauge.builder(
                            "studio.queue.ready",
                            this,
                            gauges -> gauges.depth(queue).ready())
                    .description("steps ready and waiting for a worker")
                    .tag("queue", queue)
                    .register(registry);
            Gauge.builder("studio.queue.oldest.age", this, gauges -> gauges.oldestAgeSeconds(queue))
                    .description("seconds the oldest ready step has waited")
                    .baseUnit("seconds")
                    .tag("queue", queue)
                    .register(registry);
        }
    }

    private synchronized QueueBacklog.Depth depth(String queue) {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(FRESH)) || now.isBefore(readAt)) {
            last = backlog.depths().stream().collect(Collectors.toMap(QueueBacklog.Depth::queue, Function.identity()));
            readAt = now;
        }
        return last.getOrDefault(queue, new QueueBacklog.Depth(queue, 0, null));
    }

    private double oldestAgeSeconds(String queue) {
        QueueBacklog.Depth depth = depth(queue);
        if (depth.oldestReadyAt() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(depth.oldestReadyAt(), clock.instant()).toMillis() / 1000.0);
    }
}
