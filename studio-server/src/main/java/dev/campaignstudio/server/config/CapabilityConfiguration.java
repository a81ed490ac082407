package dev.campaignstudio.server.config;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.web.WebLinkReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds each capability to an adapter by configuration ({@code studio.capabilities.<capability>=local|...}). The service
 * does not start when a binding names an adapter that does not exist or does not serve the capability.
 */
@Configuration(proxyBeanMethods = false)
public class CapabilityConfiguration {

    @Bean
    LocalMedia localMedia(TempFiles temp) {
        return new LocalMedia(temp);
    }

    @Bean
    WebLinkReader webLinkReader(WebFetcher web) {
        return new WebLinkReader(web);
    }

    @Bean
    CapabilityRegistry capabilityRegistry(
            CapabilityBindings bindings,
            List<CapabilityAdapter> adapters,
            ProviderConfiguration.RemoteAdapters remote) {
        List<CapabilityAdapter> all = new java.util.ArrayList<>(adapters);
        all.addAll(remote.adapters());
        return CapabilityRegistry.bind(bindings.resolved(), all);
    }

    /**
     * {@code studio.capabilities.*}: the adapter name per capability; a capability not named is unbound.
     *
     * @param capabilities adapter name by capability name, e.g. {@code image=local}
     */
    @ConfigurationProperties("studio")
    public record CapabilityBindings(Map<String, String> capabilities) {

        public CapabilityBindings {
            capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        }

        /** The bindings by capability; an unknown capability name stops the service with a message naming it. */
        public Map<Capability, String> resolved() {
            Map<Capability, String> resolved = new EnumMap<>(Capability.class);
            capabilities.forEach((name, adapter) -> {
                String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
                Capability capability = WireEnum.parse(Capability.class, key)
                        .orElseThrow(() -> new IllegalStateException("studio.capabilities." + name
                                + ": no such capability (they are " + WireEnum.spellings(Capability.class) + ")"));
                if (adapter != null && !adapter.isBlank()) {
                    resolved.put(capability, adapter.trim());
                }
            });
            return resolved;
        }
    }
}
