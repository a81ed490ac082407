package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.server.StudioApplication;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring application for a command and keeps the process alive until it is stopped. */
final class ServiceProcess {

    private ServiceProcess() {}

    /**
     * Runs the service until shutdown.
     *
     * @param command     the command's name, for messages
     * @param distributed whether to use the distributed profile (PostgreSQL, RabbitMQ)
     * @param web         whether to serve HTTP
     * @param overrides   {@code --key=value} properties that win over every configuration file
     * @param extraSources further configuration classes (tests add their pipelines this way)
     * @return the exit code
     */
    static int run(String command, boolean distributed, boolean web, List<String> overrides, Class<?>... extraSources)
            throws InterruptedException {
        if (distributed
                && web
                && isBlank(System.getenv("STUDIO_API_TOKENS"))
                && isBlank(System.getProperty("studio.api.tokens"))
                && overrides.stream().noneMatch(o -> o.startsWith("--studio.api.tokens="))) {
            System.err.println("studio " + command
                    + " --distributed: set STUDIO_API_TOKENS to the bearer token(s) clients will send");
            return 2;
        }
        ConfigurableApplicationContext context;
        try {
            context = start(distributed, web, overrides, extraSources);
        } catch (RuntimeException failed) {
            System.err.println("studio " + command + ": the service did not start: " + StudioCli.describe(failed));
            return 1;
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        if (web && port != null) {
            System.out.println("studio " + command + ": listening on http://localhost:" + port
                    + "; the console is at http://localhost:" + port + "/console (sign in with an API token)");
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

    /** Starts the service (see {@link #run}); a failed start's loggers are quiet ({@link QuietStart}). */
    static ConfigurableApplicationContext start(
            boolean distributed, boolean web, List<String> overrides, Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = StudioApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        SpringApplication application = new SpringApplication(sources);
        if (!web) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        if (distributed) {
            application.setAdditionalProfiles("distributed");
        }
        return QuietStart.run(application, overrides);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
