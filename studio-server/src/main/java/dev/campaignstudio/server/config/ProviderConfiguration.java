package dev.campaignstudio.server.config;

import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.remote.OpenAiAdapter;
import dev.campaignstudio.providers.remote.ProviderClient;
import dev.campaignstudio.providers.remote.ReplicateAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The remote provider adapters that configuration asks for ({@code studio.providers.<name>.base-url}); bind
 * capabilities to them by name ({@code studio.capabilities.image=openai}, {@code video=replicate}).
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    /** The configured remote adapters, for the registry and for {@code studio providers}. */
    @Bean
    RemoteAdapters remoteAdapters(ProviderProperties providers, LocalMedia local, WebFetcher web, TempFiles temp) {
        List<CapabilityAdapter> adapters = new ArrayList<>();
        List<ProviderClient> clients = new ArrayList<>();
        if (providers.openai().configured()) {
            ProviderClient client = new ProviderClient(providers.openai().settings(OpenAiAdapter.NAME));
            clients.add(client);
            adapters.add(new OpenAiAdapter(
                    client, local, local, local, providers.openai().edits()));
        }
        if (providers.replicate().configured()) {
            ProviderClient client = new ProviderClient(providers.replicate().settings(ReplicateAdapter.NAME));
            clients.add(client);
            adapters.add(new ReplicateAdapter(
                    client,
                    web,
                    providers.replicate().pollFirst(),
                    Duration.ofSeconds(10),
                    providers.replicate().predictionDeadline(),
                    temp));
        }
        return new RemoteAdapters(List.copyOf(adapters), List.copyOf(clients));
    }

    /**
     * The remote adapters and their clients.
     *
     * @param adapters registered with the capability registry
     * @param clients  one per provider, for reachability checks
     */
    public record RemoteAdapters(List<CapabilityAdapter> adapters, List<ProviderClient> clients) {}
}
