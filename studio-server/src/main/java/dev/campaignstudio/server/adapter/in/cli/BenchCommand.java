package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.server.bench.EngineBenchmark;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code studio bench}: benchmarks that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Engine.class, BenchCommand.Media.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("studio bench engine   (see: studio bench engine --help)");
        System.out.println("studio bench media    (see: studio bench media --help)");
    }

    /** {@code studio bench engine}: jobs of no-op steps through the whole engine, embedded and distributed. */
    @Command(name = "engine", mixinStandardHelpOptions = true,
            description = {"Run N jobs of S no-op steps through the engine and print steps per second and the per-step",
                    "overhead (ready to committed), median and p99, in embedded mode (H2, in-process queues) and in",
                    "distributed mode (PostgreSQL and RabbitMQ; skipped when they are unreachable)."})
    static final class Engine implements Callable<Integer> {

        @Option(names = "--jobs", defaultValue = "200", description = "Jobs to measure (default ${DEFAULT-VALUE}).")
        int jobs;

        @Option(names = "--steps", defaultValue = "10", description = "No-op steps per job (default ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--mode", defaultValue = "both", description = "embedded, distributed or both (default ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
                description = "PostgreSQL for distributed mode; a scratch schema is created and dropped (default ${DEFAULT-VALUE}).")
        String pgUrl;

        @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE}).")
        String pgUser;

        @Option(names = "--pg-password", defaultValue = "", description = "PostgreSQL password (default empty).")
        String pgPassword;

        @Option(names = "--rabbit-host", defaultValue = "127.0.0.1", description = "RabbitMQ host (default ${DEFAULT-VALUE}).")
        String rabbitHost;

        @Option(names = "--rabbit-port", defaultValue = "5672", description = "RabbitMQ port (default ${DEFAULT-VALUE}).")
        int rabbitPort;

        @Override
        public Integer call() throws Exception {
            if (jobs < 1 || steps < 1) {
                System.err.println("studio bench engine: --jobs and --steps must be at least 1");
                return 2;
            }
            String which = mode.toLowerCase(Locale.ROOT);
            if (!List.of("embedded", "distributed", "both").contains(which)) {
                System.err.println("studio bench engine: --mode must be embedded, distributed or both");
                return 2;
            }
            List<EngineBenchmark.Result> results = new ArrayList<>();
            if (!which.equals("distributed")) {
                results.add(EngineBenchmark.run("embedded", embedded(), jobs, steps));
            }
            if (!which.equals("embedded")) {
                distributed(results);
            }
            print(results);
            return 0;
        }

        private List<String> embedded() throws IOException {
            String dataDir = Files.createTempDirectory("studio-bench").toString();
            return List.of("studio.mode=embedded", "studio.data-dir=" + dataDir);
        }

        private void distributed(List<EngineBenchmark.Result> results) throws Exception {
            try (Socket ignored = new Socket(rabbitHost, rabbitPort)) {
                // reachable
            } catch (IOException unreachable) {
                System.err.println("distributed mode skipped: RabbitMQ at " + rabbitHost + ":" + rabbitPort + " is unreachable");
                return;
            }
            String schema = "studio_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String prefix = "studio-bench-" + schema.substring(13);
            try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException unreachable) {
                System.err.println("distributed mode skipped: PostgreSQL at " + pgUrl + " is unreachable (" + unreachable.getMessage() + ")");
                return;
            }
            try {
                String separator = pgUrl.contains("?") ? "&" : "?";
                results.add(EngineBenchmark.run("distributed", List.of(
                        "studio.mode=distributed",
                        "studio.data-dir=" + Files.createTempDirectory("studio-bench"),
                        "spring.datasource.url=" + pgUrl + separator + "currentSchema=" + schema,
                        "spring.datasource.username=" + pgUser,
                        "spring.datasource.password=" + pgPassword,
                        "spring.flyway.schemas=" + schema,
                        "spring.rabbitmq.host=" + rabbitHost,
                        "spring.rabbitmq.port=" + rabbitPort,
                        "spring.rabbitmq.publisher-confirm-type=simple",
                        "studio.engine.queue-prefix=" + prefix), jobs, steps));
            } finally {
                dropSchema(schema);
                deleteQueues(prefix);
            }
        }

        private void dropSchema(String schema) {
            try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop the scratch schema " + schema + ": " + e.getMessage());
            }
        }

        private void deleteQueues(String prefix) {
            CachingConnectionFactory factory = new CachingConnectionFactory(rabbitHost, rabbitPort);
            try {
                RabbitAdmin admin = new RabbitAdmin(factory);
                for (String queue : List.of("marketing", "avatar", "callbacks", "maintenance", "retry", "dead-letter")) {
                    admin.deleteQueue(prefix + "." + queue);
                }
                admin.deleteExchange(prefix + ".dead-letter");
            } finally {
                factory.destroy();
            }
        }

        private void print(List<EngineBenchmark.Result> results) {
            System.out.printf(Locale.ROOT, "%nCampaign Studio engine benchmark: %d jobs x %d no-op steps, %d cores, Java %s%n", jobs, steps,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-12s %6s %7s %8s | %-17s | %-17s | %-17s%n", "", "", "", "",
                    "step work ms", "ready->done ms", "ready->done ms");
            System.out.printf(Locale.ROOT, "%-12s %6s %7s %8s | %8s %8s | %8s %8s | %8s %8s%n", "mode", "steps", "wall s", "steps/s",
                    "p50", "p99", "p50", "p99", "p50", "p99");
            for (EngineBenchmark.Result r : results) {
                System.out.printf(Locale.ROOT, "%-12s %6d %7.2f %8.1f | %8.1f %8.1f | %8.1f %8.1f | %8.1f %8.1f%n", r.mode(), r.steps(),
                        r.wall().toMillis() / 1000.0, r.stepsPerSecond(), r.work().p50(), r.work().p99(), r.loaded().p50(), r.loaded().p99(),
                        r.alone().p50(), r.alone().p99());
            }
            System.out.println("step work: claim to result committed (claim, events, no-op handler, completion, planning the next step)");
            System.out.println("ready->done (first): all jobs submitted at once, so it includes waiting for a free worker");
            System.out.println("ready->done (second): one job at a time: the engine's latency per step, dispatch hop included");
        }
    }

    /** {@code studio bench media}: a full-size video with the local adapters, against the ffmpeg command line. */
    @Command(name = "media", mixinStandardHelpOptions = true,
            description = {"Render a 1080x1920 video of 6 scenes of 5 s with voice-over, captions and music with the local adapters,",
                    "print the time of each stage, then time the ffmpeg command line encoding the same frames with the same",
                    "codec settings (OpenH264, AAC) and print the ratio."})
    static final class Media implements Callable<Integer> {

        @Option(names = "--width", defaultValue = "1080", description = "Frame width (default ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", defaultValue = "1920", description = "Frame height (default ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--scenes", defaultValue = "6", description = "Scenes (default ${DEFAULT-VALUE}).")
        int scenes;

        @Option(names = "--scene-seconds", defaultValue = "5", description = "Seconds per scene (default ${DEFAULT-VALUE}).")
        int sceneSeconds;

        @Option(names = "--out", defaultValue = "bench-media.mp4", description = "Where to write the video (default ${DEFAULT-VALUE}).")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            if (width % 2 != 0 || height % 2 != 0 || width < 64 || height < 64 || scenes < 1 || sceneSeconds < 1) {
                System.err.println("studio bench media: width and height must be even and at least 64, scenes and seconds at least 1");
                return 2;
            }
            dev.campaignstudio.server.bench.MediaBenchmark.Result r = dev.campaignstudio.server.bench.MediaBenchmark.run(width, height, scenes,
                    sceneSeconds * 1000L, out.toAbsolutePath());
            System.out.printf(Locale.ROOT, "%nCampaign Studio media benchmark: %dx%d, %d scenes, %.1f s of video, %d cores, Java %s%n", width,
                    height, scenes, r.seconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            r.stages().forEach((stage, millis) -> System.out.printf(Locale.ROOT, "  %-50s %8.2f s%n", stage, millis / 1000.0));
            System.out.printf(Locale.ROOT, "  %-50s %8.2f s%n", "total", r.totalMillis() / 1000.0);
            if (r.ffmpegMillis() < 0) {
                System.out.println("  ffmpeg command line: not measured (" + r.ffmpegCommand() + ")");
            } else {
                System.out.printf(Locale.ROOT, "  %-50s %8.2f s%n", "ffmpeg command line, same frames and settings", r.ffmpegMillis() / 1000.0);
                System.out.printf(Locale.ROOT, "  stitch / ffmpeg encode: %.2f; whole video / ffmpeg encode: %.2f%n",
                        r.stitchMillis() / (double) r.ffmpegMillis(), r.totalMillis() / (double) r.ffmpegMillis());
            }
            System.out.println("  video: " + r.output());
            return 0;
        }
    }
}
