package dev.campaignstudio.server.adapter.in.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code studio serve}: runs the service until it is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the service on port 8080.",
            "Embedded (default): API and in-process workers in one process, H2 under ./data, nothing else needed.",
            "--distributed: the API against PostgreSQL (spring.datasource.*) and RabbitMQ (spring.rabbitmq.*);",
            "run workers with 'studio worker'. STUDIO_API_TOKENS is required."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--distributed", description = "Run the API against PostgreSQL and RabbitMQ, without workers.")
    boolean distributed;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    Integer port;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Embedded database, assets and API token (default ./data).")
    Path dataDir;

    @Option(
            names = "--queues",
            split = ",",
            paramLabel = "QUEUE",
            description = "Also work on these queues in this process (distributed mode serves none by default).")
    List<String> queues;

    @Override
    public Integer call() throws InterruptedException {
        List<String> overrides = new ArrayList<>();
        if (port != null) {
            overrides.add("--server.port=" + port);
        }
        if (dataDir != null) {
            overrides.add("--studio.data-dir=" + dataDir);
        }
        if (queues != null) {
            overrides.add("--studio.engine.queues=" + String.join(",", queues));
        }
        return ServiceProcess.run("serve", distributed, true, overrides);
    }
}
