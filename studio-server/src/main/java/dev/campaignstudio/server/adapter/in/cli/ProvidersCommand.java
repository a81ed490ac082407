package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.providers.remote.ProviderClient;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.config.ProviderConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code studio providers}: which adapter serves each capability under this configuration, and whether it answers. */
@Command(
        name = "providers",
        mixinStandardHelpOptions = true,
        description = {
            "List each capability, its adapter and whether each remote provider answers.",
            "The adapters are configuration's (studio.capabilities.*); each remote provider",
            "(studio.providers.*: base URL, key from configuration or environment) is asked whether it answers."
        })
final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./data).")
    Path dataDir;

    @Override
    public Integer call() {
        SpringApplication application = new SpringApplication(StudioApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = List.of(
                Connection.WARNINGS_ONLY,
                "--studio.engine.queues=",
                "--studio.data-dir=" + (dataDir == null ? Path.of("data") : dataDir));
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = QuietStart.run(application, args)) {
            CapabilityRegistry registry = context.getBean(CapabilityRegistry.class);
            ProviderConfiguration.RemoteAdapters remote = context.getBean(ProviderConfiguration.RemoteAdapters.class);
            Map<String, String> reach = new LinkedHashMap<>();
            for (ProviderClient client : remote.clients()) {
                reach.put(client.settings().name(), client.settings().baseUrl() + " " + client.probe("/v1/models"));
            }
            out.printf("%-18s %-12s %s%n", "capability", "adapter", "reachable");
            for (Capability capability : Capability.values()) {
                String adapter = registry.adapterName(capability).orElse("-");
                String state = reach.containsKey(adapter)
                        ? reach.get(adapter)
                        : adapter.equals("-") ? "unbound" : "in process";
                out.printf("%-18s %-12s %s%n", capability.wire(), adapter, state);
            }
        } catch (RuntimeException failed) {
            throw new CliFailure(
                    CliFailure.BAD_INPUT, "the configuration does not start: " + StudioCli.describe(failed));
        }
        return 0;
    }
}
