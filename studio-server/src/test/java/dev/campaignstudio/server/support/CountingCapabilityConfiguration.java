package dev.campaignstudio.server.support;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.web.WebLinkReader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers the {@code counting} adapter over the service's own local media and web link reader. Bind capabilities to
 * it with {@link #bindAll}. A test configuration: only contexts that name it use it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingCapabilityConfiguration {

    @Bean
    CountingCapabilities.Counted countingCapabilities(LocalMedia local, WebLinkReader web) {
        return CountingCapabilities.over(local, web);
    }

    @Bean
    CapabilityAdapter countingAdapter(CountingCapabilities.Counted counted) {
        return counted.adapter();
    }

    /** Binds every capability to the counting adapter. */
    public static void bindAll(DynamicPropertyRegistry registry) {
        for (Capability capability : Capability.values()) {
            registry.add("studio.capabilities." + capability.wire(), () -> CountingCapabilities.NAME);
        }
    }
}
