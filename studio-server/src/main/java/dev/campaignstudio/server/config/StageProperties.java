package dev.campaignstudio.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.stages.*}: how the built-in stages fetch and reuse.
 *
 * @param fetchTimeout longest fetching one product photo from a URL may take
 * @param linkMaxAge   how long facts read from a product page are reused by later jobs of the product
 */
@ConfigurationProperties("studio.stages")
public record StageProperties(Duration fetchTimeout, Duration linkMaxAge) {

    public StageProperties {
        fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(30) : fetchTimeout;
        linkMaxAge = linkMaxAge == null ? Duration.ofHours(24) : linkMaxAge;
    }
}
