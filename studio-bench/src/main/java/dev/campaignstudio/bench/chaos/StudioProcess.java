package dev.campaignstudio.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One service process of the chaos run, the API ({@code studio serve --distributed}) or a worker ({@code studio
 * worker}): started, killed with SIGKILL, started again as a new process with the same data directory, each start
 * logging to a file of its own.
 */
final class StudioProcess implements AutoCloseable {

    /** Spring Boot's line once the application context is up, e.g. "Started StudioCli in 24.2 seconds". */
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [0-9.]+ seconds");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path logs;
    private final Integer httpPort;
    private int starts;
    private Path log;
    private volatile Process process;

    /**
     * @param httpPort the API's port, whose readiness probe says it is up; null for a worker (its log says so)
     */
    StudioProcess(
            String name,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> properties,
            Map<String, String> environment,
            Path logs,
            Integer httpPort) {
        this.name = name;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        this.properties = properties;
        this.environment = environment;
        this.logs = logs;
        this.httpPort = httpPort;
    }

    String name() {
        return name;
    }

    /** Starts a new process (it is not waited for; see {@link #awaitReady}). */
    void start() throws IOException {
        log = logs.resolve(name + "-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(Launcher.command(jvmOptions, properties, arguments))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the process serves: the API's readiness probe answers 200, a worker has logged its start. */
    void awaitReady(Deadline deadline) throws InterruptedException {
        Process started = process;
        deadline.await(name + " to start (see " + log + ")", () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited with " + started.exitValue() + "; see " + log);
            }
            return httpPort == null ? STARTED.matcher(Files.readString(log)).find() : ready();
        });
    }

    private boolean ready() throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** The running process's id. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The exit code of a process that ended, for a report. */
    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker or the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Ends the process at once, without waiting. */
    void destroyNow() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
