package dev.campaignstudio.bench.chaos;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The one generous overall deadline of a chaos run: every wait polls its condition until it holds or the run's time
 * is up. No figure decides pass or fail by timing; only a run that never settles fails here.
 */
final class Deadline {

    private static final long POLL_MILLIS = 200;

    private final long endNanos;
    private final Duration total;

    Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /** Polls {@code condition} until it answers true; throws when the run's time is up first. */
    void await(String what, Callable<Boolean> condition) throws InterruptedException {
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (InterruptedException interrupted) {
                throw interrupted;
            } catch (IllegalStateException fatal) {
                throw fatal;
            } catch (Exception notYet) {
                // not yet: a connection refused while a process restarts, say
            }
            if (System.nanoTime() > endNanos) {
                throw new IllegalStateException("the chaos run's deadline of " + total + " passed waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Throws when the run's time is up. */
    void check(String what) {
        if (System.nanoTime() > endNanos) {
            throw new IllegalStateException("the chaos run's deadline of " + total + " passed waiting for " + what);
        }
    }

    /** Waits for {@code duration}, or less when the deadline comes first. */
    void hold(Duration duration) throws InterruptedException {
        long until = Math.min(endNanos, System.nanoTime() + duration.toNanos());
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(left / 1_000_000 + 1, POLL_MILLIS));
        }
    }
}
