package dev.campaignstudio.server.config;

import dev.campaignstudio.providers.remote.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.providers.*}: the remote provider adapters, each registered only when its {@code base-url} is set. Keys
 * come from configuration or the environment ({@code STUDIO_PROVIDERS_OPENAI_API_KEY}, ...), never from requests.
 *
 * @param openai    an OpenAI-compatible server (image, audio)
 * @param replicate a Replicate-compatible server (video, lip_sync)
 */
@ConfigurationProperties("studio.providers")
public record ProviderProperties(Provider openai, Provider replicate) {

    public ProviderProperties {
        openai = openai == null ? Provider.NONE : openai;
        replicate = replicate == null ? Provider.NONE : replicate;
    }

    /**
     * One provider.
     *
     * @param baseUrl          the API's root; unset: the adapter is not registered
     * @param apiKey           bearer key
     * @param models           model (OpenAI) or model version (Replicate) per capability, e.g. {@code image:
     * gpt-image-1}
     * @param connectTimeout   default 5 s
     * @param readTimeout      one request, default 120 s
     * @param maxConcurrency   calls in flight, default 4
     * @param maxAttempts      tries for timeouts, 429 and 5xx, default 3
     * @param backoff          first wait between tries, default 500 ms (doubling, with jitter)
     * @param maxRetryAfter    longest Retry-After waited inside a call, default 30 s (longer: the engine's retry waits)
     * @param breakerFailures  consecutive failed calls that open the circuit, default 5
     * @param breakerCooldown  how long an open circuit fails fast, default 30 s
     * @param imageEndpoint    OpenAI: {@code edits} (default; the product photo is the image edited) or {@code
     * generations}
     * @param pollInterval     Replicate: first wait between polls, default 1 s (growing by half up to 10 s)
     * @param deadline         Replicate: longest a prediction may take, default 10 min
     * @param prices           price per unit of usage by capability, e.g. {@code video: {predict_seconds: 0.0023}}
     *                         (docs/providers.md, "Cost and provenance"); none: calls have no cost
     */
    public record Provider(
            URI baseUrl,
            String apiKey,
            Map<String, String> models,
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxConcurrency,
            Integer maxAttempts,
            Duration backoff,
            Duration maxRetryAfter,
            Integer breakerFailures,
            Duration breakerCooldown,
            String imageEndpoint,
            Duration pollInterval,
            Duration deadline,
            Map<String, Map<String, Double>> prices) {

        static final Provider NONE =
                new Provider(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        public boolean configured() {
            return baseUrl != null && !baseUrl.toString().isBlank();
        }

        /** The adapter's settings, defaults filled in. */
        public ProviderSettings settings(String name) {
            if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
                throw new IllegalStateException("studio.providers." + name + ".base-url must be an http(s) URL");
            }
            return new ProviderSettings(
                    name,
                    baseUrl,
                    apiKey,
                    models,
                    or(connectTimeout, Duration.ofSeconds(5)),
                    or(readTimeout, Duration.ofSeconds(120)),
                    or(maxConcurrency, 4),
                    or(maxAttempts, 3),
                    or(backoff, Duration.ofMillis(500)),
                    or(maxRetryAfter, Duration.ofSeconds(30)),
                    or(breakerFailures, 5),
                    or(breakerCooldown, Duration.ofSeconds(30)),
                    prices == null ? Map.of() : prices);
        }

        public boolean edits() {
            return imageEndpoint == null || !imageEndpoint.equalsIgnoreCase("generations");
        }

        public Duration pollFirst() {
            return or(pollInterval, Duration.ofSeconds(1));
        }

        public Duration predictionDeadline() {
            return or(deadline, Duration.ofMinutes(10));
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }

        @Override
        public String toString() {
            return "Provider[" + baseUrl + ", key " + (apiKey == null ? "none" : "set") + "]";
        }
    }
}
