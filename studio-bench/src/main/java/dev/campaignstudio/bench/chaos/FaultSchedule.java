package dev.campaignstudio.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of one chaos run, in the order they are injected, drawn from a seed so that a run can be repeated: the
 * worker kills (alternating workers) shuffled among one of each other fault, each after a pause of its own.
 */
final class FaultSchedule {

    /** What goes wrong. */
    enum Kind {
        /** SIGKILL of a worker while it runs a step; it is started again at once. */
        WORKER_KILL("SIGKILL worker"),
        /** SIGKILL of the API; it is started again at once, clients retry with their idempotency keys. */
        API_KILL("SIGKILL API"),
        /** Every RabbitMQ connection dropped at once, reconnection allowed straight away. */
        BROKER_CUT("RabbitMQ connections cut"),
        /** RabbitMQ unreachable for a while (connections dropped and refused): a broker restart as clients see it. */
        BROKER_OUTAGE("RabbitMQ down (restart)"),
        /** PostgreSQL unreachable for a while (connections dropped and refused): a restart as clients see it. */
        DATABASE_OUTAGE("PostgreSQL down (restart)"),
        /** The S3-compatible store's process stopped, then a new one started on the same objects. */
        STORE_OUTAGE("asset store down"),
        /** The product backend's callback receiver stopped, then started again on the same port. */
        RECEIVER_DOWN("callback receiver down");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One fault.
     *
     * @param kind   what goes wrong
     * @param pause  how long the run goes on undisturbed before it
     * @param hold   how long the outage lasts (zero for kills and cuts)
     * @param target which worker, for a kill (0 or 1)
     */
    record Fault(Kind kind, Duration pause, Duration hold, int target) {}

    /**
     * How long each outage lasts.
     *
     * @param broker   RabbitMQ refused
     * @param database PostgreSQL refused
     * @param store    the asset store stopped
     * @param receiver the callback receiver stopped
     */
    record Outages(Duration broker, Duration database, Duration store, Duration receiver) {}

    private FaultSchedule() {}

    /**
     * The schedule.
     *
     * @param seed        the seed of the order and the pauses
     * @param workerKills how many times a worker is killed (alternately the first and the second)
     * @param outages     how long each outage lasts
     * @param minPause    the shortest pause before a fault
     * @param maxPause    the longest
     */
    static List<Fault> draw(long seed, int workerKills, Outages outages, Duration minPause, Duration maxPause) {
        Random random = new Random(seed);
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < workerKills; i++) {
            kinds.add(Kind.WORKER_KILL);
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.WORKER_KILL) {
                kinds.add(kind);
            }
        }
        Collections.shuffle(kinds, random);
        List<Fault> faults = new ArrayList<>();
        int kills = 0;
        long span = maxPause.toMillis() - minPause.toMillis();
        for (Kind kind : kinds) {
            Duration pause = minPause.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
            int target = kind == Kind.WORKER_KILL ? kills++ % 2 : 0;
            faults.add(new Fault(kind, pause, hold(kind, outages), target));
        }
        return faults;
    }

    private static Duration hold(Kind kind, Outages outages) {
        switch (kind) {
            case BROKER_OUTAGE:
                return outages.broker();
            case DATABASE_OUTAGE:
                return outages.database();
            case STORE_OUTAGE:
                return outages.store();
            case RECEIVER_DOWN:
                return outages.receiver();
            default:
                return Duration.ZERO;
        }
    }
}
