package dev.campaignstudio.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.server.StudioApplication;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service binds capabilities from configuration, and does not start with a binding it cannot make. */
class CapabilityBindingSystemTest {

    @Test
    void everyMediaCapabilityIsServedLocallyAndLinksByTheWebReaderByDefault() throws Exception {
        String dataDir = Files.createTempDirectory("studio-capabilities").toString();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StudioApplication.class)
                .web(WebApplicationType.NONE)
                .run("--studio.data-dir=" + dataDir, "--studio.engine.queues=")) {
            CapabilityRegistry registry = context.getBean(CapabilityRegistry.class);
            for (Capability capability : Capability.values()) {
                assertThat(registry.adapterName(capability))
                        .as(capability.wire())
                        .contains(capability == Capability.LINK_READER ? "web" : "local");
            }
            assertThat(registry.port(Capability.IMAGE, ImageGeneration.class)).isPresent();
        }
    }

    @Test
    void aBindingToAnAdapterThatDoesNotExistStopsTheService() throws Exception {
        String dataDir = Files.createTempDirectory("studio-capabilities").toString();
        assertThatThrownBy(() -> new SpringApplicationBuilder(StudioApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--studio.data-dir=" + dataDir,
                                "--studio.engine.queues=",
                                "--studio.capabilities.image=dreamcloud"))
                .hasRootCauseMessage(
                        "studio.capabilities.image=dreamcloud: no adapter is called 'dreamcloud' (available: local, web)");
        assertThatThrownBy(() -> new SpringApplicationBuilder(StudioApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--studio.data-dir=" + dataDir,
                                "--studio.engine.queues=",
                                "--studio.capabilities.telepathy=local"))
                .rootCause()
                .hasMessageContaining("studio.capabilities.telepathy: no such capability");
    }
}
