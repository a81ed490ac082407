package dev.campaignstudio.server.config;

import dev.campaignstudio.providers.remote.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.providers.elevenlabs.*} and {@code studio.providers.fal.*}: the vendor adapters beside the OpenAI- and
 * Replicate-compatible ones ({@link ProviderProperties}), each registered only when its {@code base-url} is set. Keys
 * come from configuration or the environment ({@code STUDIO_PROVIDERS_ELEVENLABS_API_KEY},
 * {@code STUDIO_PROVIDERS_FAL_API_KEY}), never from requests; see docs/providers.md.
 *
 * @param elevenlabs ElevenLabs text to speech with timestamps (audio)
 * @param fal        fal.ai's queue (image, video)
 */
@ConfigurationProperties("studio.providers")
public record VendorProviderProperties(ElevenLabs elevenlabs, Fal fal) {

    public VendorProviderProperties {
        elevenlabs = elevenlabs == null
                ? new ElevenLabs(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : elevenlabs;
        fal = fal == null
                ? new Fal(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : fal;
    }

    /**
     * ElevenLabs.
     *
     * @param baseUrl      e.g. {@code https://api.elevenlabs.io}; unset: not registered
     * @param apiKey       sent as {@code xi-api-key}
     * @param voiceId      the voice of jobs that ask for {@code default}
     * @param modelId      default {@code eleven_multilingual_v2}
     * @param outputFormat a PCM format, default {@code pcm_24000}
     * @param prices       price per unit by capability, e.g. {@code audio: {characters: 0.0001}}; none: no cost
     * @param connectTimeout and the rest: as for the other providers ({@link ProviderProperties.Provider})
     */
    public record ElevenLabs(
            URI baseUrl,
            String apiKey,
            String voiceId,
            String modelId,
            String outputFormat,
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxConcurrency,
            Integer maxAttempts,
            Duration backoff,
            Duration maxRetryAfter,
            Integer breakerFailures,
            Duration breakerCooldown,
            Map<String, Map<String, Double>> prices) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.toString().isBlank();
        }

        ProviderSettings settings(String name) {
            return new ProviderProperties.Provider(
                            baseUrl,
                            apiKey,
                            modelId == null ? Map.of() : Map.of("audio", modelId),
                            connectTimeout,
                            readTimeout,
                            maxConcurrency,
                            maxAttempts,
                            backoff,
                            maxRetryAfter,
                            breakerFailures,
                            breakerCooldown,
                            null,
                            null,
                            null,
                            prices)
                    .settings(name);
        }

        @Override
        public String toString() {
            return "ElevenLabs[" + baseUrl + ", key " + (apiKey == null ? "none" : "set") + "]";
        }
    }

    /**
     * fal.ai.
     *
     * @param baseUrl      the queue, {@code https://queue.fal.run}; unset: not registered
     * @param apiKey       sent as {@code Authorization: Key <key>}
     * @param models       model id per capability ({@code image}, {@code video})
     * @param pollInterval first wait between status polls, default 1 s (growing by half up to 10 s)
     * @param deadline     longest one attempt waits for a request, default 10 min
     * @param prices       price per unit by capability, e.g. {@code image: {megapixels: 0.025}}; none: no cost
     * @param connectTimeout and the rest: as for the other providers ({@link ProviderProperties.Provider})
     */
    public record Fal(
            URI baseUrl,
            String apiKey,
            Map<String, String> models,
            Duration pollInterval,
            Duration deadline,
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxConcurrency,
            Integer maxAttempts,
            Duration backoff,
            Duration maxRetryAfter,
            Integer breakerFailures,
            Duration breakerCooldown,
            Map<String, Map<String, Double>> prices) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.toString().isBlank();
        }

        ProviderSettings settings(String name) {
            return new ProviderProperties.Provider(
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
                            null,
                            null,
                            null,
                            prices)
                    .settings(name);
        }

        Duration pollFirst() {
            return pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        }

        Duration requestDeadline() {
            return deadline == null ? Duration.ofMinutes(10) : deadline;
        }

        @Override
        public String toString() {
            return "Fal[" + baseUrl + ", key " + (apiKey == null ? "none" : "set") + "]";
        }
    }
}
