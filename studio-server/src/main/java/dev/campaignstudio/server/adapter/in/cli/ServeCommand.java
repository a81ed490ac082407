package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.server.StudioApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code studio serve}: runs the service until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the service on port 8080.",
                "Embedded (default): H2 file database under ./data, nothing else needed.",
                "--distributed: PostgreSQL (spring.datasource.*) and studio.api.tokens required."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--distributed", description = "Run against PostgreSQL instead of the embedded H2 database.")
    boolean distributed;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded database, assets and API token (default ./data).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        if (distributed && isBlank(System.getenv("STUDIO_API_TOKENS")) && isBlank(System.getProperty("studio.api.tokens"))) {
            System.err.println("studio serve --distributed: set STUDIO_API_TOKENS to the bearer token(s) clients will send");
            return 2;
        }
        SpringApplication application = new SpringApplication(StudioApplication.class);
        List<String> overrides = new ArrayList<>();
        if (port != null) {
            overrides.add("--server.port=" + port);
        }
        if (dataDir != null) {
            overrides.add("--studio.data-dir=" + dataDir);
        }
        if (distributed) {
            application.setAdditionalProfiles("distributed");
        }
        ConfigurableApplicationContext context;
        try {
            context = application.run(overrides.toArray(String[]::new));
        } catch (RuntimeException failed) {
            System.err.println("studio serve: the service did not start: " + rootMessage(failed));
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
