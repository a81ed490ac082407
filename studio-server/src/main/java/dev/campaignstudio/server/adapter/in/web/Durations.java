package dev.campaignstudio.server.adapter.in.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Short human spellings of durations and times for the console: {@code 840 ms}, {@code 3.2 s}, {@code 4 min 05 s},
 * {@code 2 h 10 min}; times in UTC to the second.
 */
public final class Durations {

    private Durations() {}

    /** The time from {@code from} to {@code to}; empty text when either is unknown. */
    static String between(Instant from, Instant to) {
        return from == null || to == null ? "" : text(Duration.between(from, to));
    }

    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** {@code at} in UTC to the second, or empty text. */
    public static String at(Instant at) {
        return at == null ? "" : AT.format(at);
    }

    /** {@code duration} spelled briefly. */
    static String text(Duration duration) {
        long ms = Math.max(0, duration.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
