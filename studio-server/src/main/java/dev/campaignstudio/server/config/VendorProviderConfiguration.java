package dev.campaignstudio.server.config;

import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.remote.ElevenLabsAdapter;
import dev.campaignstudio.providers.remote.FalAdapter;
import dev.campaignstudio.providers.remote.ProviderClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vendor adapters configuration asks for ({@code studio.providers.elevenlabs.base-url},
 * {@code studio.providers.fal.base-url}); as capability adapters they join the registry, and capabilities are bound to
 * them by name ({@code studio.capabilities.audio=elevenlabs}, {@code image=fal}, {@code video=fal}).
 */
@Configuration(proxyBeanMethods = false)
public class VendorProviderConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "studio.providers.elevenlabs", name = "base-url")
    ElevenLabsAdapter elevenLabsAdapter(VendorProviderProperties vendors) {
        VendorProviderProperties.ElevenLabs config = vendors.elevenlabs();
        if (config.voiceId() == null || config.voiceId().isBlank()) {
            throw new IllegalStateException(
                    "studio.providers.elevenlabs.voice-id must be set (an ElevenLabs voice id)");
        }
        ProviderClient client = new ProviderClient(config.settings(ElevenLabsAdapter.NAME), ElevenLabsAdapter.AUTH);
        return new ElevenLabsAdapter(client, config.voiceId().trim(), config.modelId(), config.outputFormat());
    }

    @Bean
    @ConditionalOnProperty(prefix = "studio.providers.fal", name = "base-url")
    FalAdapter falAdapter(VendorProviderProperties vendors, LocalMedia local, WebFetcher web, TempFiles temp) {
        VendorProviderProperties.Fal config = vendors.fal();
        ProviderClient client = new ProviderClient(config.settings(FalAdapter.NAME), FalAdapter.AUTH);
        return new FalAdapter(
                client, web, local, config.pollFirst(), Duration.ofSeconds(10), config.requestDeadline(), temp);
    }
}
