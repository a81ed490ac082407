package dev.campaignstudio.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock for tests that need time to jump: the UTC system clock at microseconds, plus a shift tests move forward. */
public final class ShiftedClock extends Clock {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code by}. */
    public void jump(Duration by) {
        shift.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service runs on UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
