package dev.campaignstudio.server.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Moves dispatch requests from the database to the transport: at once after a commit that wrote some, when a backoff
 * ends, and at least every poll interval. When the transport refuses (broker down), the requests stay in the database
 * and the relay tries again with a growing pause, logging the outage once and its end once.
 */
public final class DispatchRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchRelay.class);
    private static final int BATCH = 200;

    private final DispatchOutbox outbox;
    private final WorkTransport transport;
    private final DispatchSignal signal;
    private final Duration poll;
    private final Clock clock;
    private volatile Thread thread;
    private volatile boolean running;

    public DispatchRelay(
            DispatchOutbox outbox, WorkTransport transport, DispatchSignal signal, Duration poll, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.signal = signal;
        this.poll = poll;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "dispatch-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            // woken, not interrupted: the relay may be inside the database, and an interrupt there closes an embedded
            // one
            signal.nudge();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        Duration pause = Duration.ofMillis(250);
        boolean failing = false;
        while (running) {
            try {
                int relayed = transport.carries().isEmpty()
                        ? 0
                        : outbox.relay(clock.instant(), BATCH, transport.carries(), transport::publish);
                if (failing) {
                    log.info("dispatching works again; {} dispatch(es) waiting", outbox.backlog());
                    failing = false;
                    pause = Duration.ofMillis(250);
                }
                if (relayed < BATCH) {
                    signal.await(untilNextDue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "cannot dispatch steps ({}); they wait in the database and will be dispatched when this recovers",
                            rootMessage(e));
                    failing = true;
                }
                try {
                    signal.await(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : pause.multipliedBy(2);
            }
        }
    }

    private Duration untilNextDue() {
        Instant now = clock.instant();
        if (transport.carries().isEmpty()) {
            return poll;
        }
        return outbox.nextDue(transport.carries())
                .map(due -> due.isAfter(now) ? Duration.between(now, due) : Duration.ofMillis(1))
                .filter(wait -> wait.compareTo(poll) < 0)
                .orElse(poll);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
