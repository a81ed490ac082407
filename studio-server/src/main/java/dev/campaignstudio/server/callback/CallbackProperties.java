package dev.campaignstudio.server.callback;

import dev.campaignstudio.core.callback.DeliveryPolicy;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.callbacks.*}: signing secrets and the retry schedule of callback deliveries.
 *
 * @param secrets        signing secrets by reference, each {@code whsec_<base64>}; {@code default} signs callbacks that
 *                       name none
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff     longest wait between attempts
 * @param horizon        how long after an event its delivery is retried
 * @param jitter         0..1 share by which a wait may be shortened at random
 * @param timeout        longest a receiver may take to answer
 * @param connectTimeout longest a connection may take
 */
@ConfigurationProperties("studio.callbacks")
public record CallbackProperties(
        Map<String, String> secrets,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration horizon,
        Double jitter,
        Duration timeout,
        Duration connectTimeout) {

    public CallbackProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        horizon = horizon == null ? Duration.ofHours(24) : horizon;
        jitter = jitter == null ? 0.2 : jitter;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    }

    /** The retry schedule; an attempt's lease covers the connect and answer times twice over. */
    public DeliveryPolicy policy() {
        return new DeliveryPolicy(
                initialBackoff,
                maxBackoff,
                horizon,
                jitter,
                connectTimeout.plus(timeout).multipliedBy(2));
    }
}
