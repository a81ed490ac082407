package dev.campaignstudio.providers.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to reach one remote provider and how hard to try.
 *
 * @param name             adapter name, e.g. {@code openai}
 * @param baseUrl          the API's root, e.g. {@code https://api.openai.com}
 * @param apiKey           the bearer key, or {@code null}; never logged or shown
 * @param models           model (or version) per capability, e.g. {@code image -> gpt-image-1}
 * @param connectTimeout   longest to open a connection
 * @param readTimeout      longest one request may take
 * @param maxConcurrency   calls in flight at once; more wait
 * @param maxAttempts      tries per call for timeouts, 429 and 5xx (1: no retry)
 * @param backoff          first wait between tries (doubled each time, with jitter)
 * @param maxRetryAfter    longest a 429's Retry-After is waited for inside a call; longer ones go back to the engine
 * @param breakerFailures  consecutive failed calls that open the circuit
 * @param breakerCooldown  how long an open circuit fails fast before one call may try again
 * @param prices           price per unit of usage, per capability (e.g. {@code image -> output_tokens -> 0.00004}), for
 *                         the cost of each call (docs/providers.md, "Cost and provenance")
 */
public record ProviderSettings(
        String name,
        URI baseUrl,
        String apiKey,
        Map<String, String> models,
        Duration connectTimeout,
        Duration readTimeout,
        int maxConcurrency,
        int maxAttempts,
        Duration backoff,
        Duration maxRetryAfter,
        int breakerFailures,
        Duration breakerCooldown,
        Map<String, Map<String, Double>> prices) {

    /** Settings without prices: calls are recorded without a cost. */
    public ProviderSettings(
            String name,
            URI baseUrl,
            String apiKey,
            Map<String, String> models,
            Duration connectTimeout,
            Duration readTimeout,
            int maxConcurrency,
            int maxAttempts,
            Duration backoff,
            Duration maxRetryAfter,
            int breakerFailures,
            Duration breakerCooldown) {
        this(
                name,
                baseUrl,
                apiKey,
                models,
                connectTimeout,
                readTimeout,
                maxConcurrency,
                maxAttempts,
                backoff,
                maxRetryAfter,
                breakerFailures,
                breakerCooldown,
                Map.of());
    }

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        models = models == null ? Map.of() : Map.copyOf(models);
        prices = prices == null
                ? Map.of()
                : prices.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                e -> unit(e.getKey()),
                                e -> e.getValue().entrySet().stream()
                                        .collect(Collectors.toUnmodifiableMap(
                                                p -> unit(p.getKey()), Map.Entry::getValue))));
        prices.values().stream()
                .flatMap(p -> p.values().stream())
                .filter(p -> p == null || p < 0 || p.isNaN())
                .findAny()
                .ifPresent(bad -> {
                    throw new IllegalArgumentException("provider " + name + ": prices must be numbers of 0 or more");
                });
        apiKey = apiKey == null ? null : apiKey.strip();
        if (apiKey != null && apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            // never echo the value: a key read from a file with a stray character would otherwise end up in an error
            throw new IllegalArgumentException(
                    "provider " + name + ": the API key contains spaces or control characters");
        }
        for (Duration d : new Duration[] {connectTimeout, readTimeout, backoff, maxRetryAfter, breakerCooldown}) {
            if (d == null || d.isNegative() || d.isZero() && d != backoff) {
                throw new IllegalArgumentException(
                        "provider " + name + ": timeouts, backoff and cooldown must be positive durations");
            }
        }
        if (maxConcurrency < 1 || maxAttempts < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException(
                    "provider " + name + ": max-concurrency, max-attempts and breaker-failures must be 1 or more");
        }
    }

    /** The model configured for {@code capability}, or {@code fallback}. */
    public String model(String capability, String fallback) {
        return models.getOrDefault(capability, fallback);
    }

    /**
     * What {@code usage} cost at the prices configured for {@code capability}: the sum over the units that have a
     * price,
     * or {@code null} when none has.
     */
    public Double cost(String capability, Map<String, Number> usage) {
        Map<String, Double> unitPrices = prices.getOrDefault(unit(capability), Map.of());
        double sum = 0;
        boolean priced = false;
        for (Map.Entry<String, Number> used : usage.entrySet()) {
            Double price = unitPrices.get(unit(used.getKey()));
            if (price != null) {
                sum += used.getValue().doubleValue() * price;
                priced = true;
            }
        }
        return priced ? Math.round(sum * 1_000_000d) / 1_000_000d : null;
    }

    /** A capability or unit name as configuration may spell it: {@code predict_seconds}, {@code predict-seconds}. */
    private static String unit(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** These settings with short timeouts and no waiting, for tests. */
    public ProviderSettings withTimeouts(Duration connect, Duration read) {
        return new ProviderSettings(
                name,
                baseUrl,
                apiKey,
                models,
                connect,
                read,
                maxConcurrency,
                maxAttempts,
                backoff,
                maxRetryAfter,
                breakerFailures,
                breakerCooldown,
                prices);
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + name + " " + baseUrl + ", key " + (apiKey == null ? "none" : "set") + "]";
    }
}
