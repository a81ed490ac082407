package dev.campaignstudio.server.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The UTC system clock truncated to microseconds, the precision both databases keep, so a job returned at creation
 * and the same job read back carry identical timestamps. ({@code Clock.tick} with a sub-millisecond tick divides by
 * zero in {@code millis()} on Java 17.)
 */
final class MicrosecondClock extends Clock {

    private final Clock base = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return base.withZone(zone);
    }

    @Override
    public long millis() {
        return base.millis();
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
