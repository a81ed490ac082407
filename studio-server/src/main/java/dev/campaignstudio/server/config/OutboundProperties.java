package dev.campaignstudio.server.config;

import dev.campaignstudio.core.outbound.AddressRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.outbound.*}: which addresses outbound requests (product images, product pages, callbacks) may reach.
 *
 * @param allowLoopback let requests reach loopback addresses (tests, local setups)
 * @param allowPrivate  let requests reach private addresses
 */
@ConfigurationProperties("studio.outbound")
public record OutboundProperties(boolean allowLoopback, boolean allowPrivate) {

    /** The rules these settings make. */
    public AddressRules rules() {
        return new AddressRules(allowLoopback, allowPrivate);
    }
}
