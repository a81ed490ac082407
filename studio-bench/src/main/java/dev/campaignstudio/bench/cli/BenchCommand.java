package dev.campaignstudio.bench.cli;

import dev.campaignstudio.bench.ApiBenchmark;
import dev.campaignstudio.bench.BenchOutput;
import dev.campaignstudio.bench.EngineBenchmark;
import dev.campaignstudio.bench.FfmpegYardsticks;
import dev.campaignstudio.bench.MediaBenchmark;
import dev.campaignstudio.bench.PgBench;
import dev.campaignstudio.bench.ProcessCpu;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code studio bench}: benchmarks that print figures. */
@Command(
        name = "studio bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Engine.class, BenchCommand.Media.class, BenchCommand.Api.class, ChaosCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code studio bench engine}: jobs of no-op steps through the whole engine, embedded and distributed. */
    @Command(
            name = "engine",
            mixinStandardHelpOptions = true,
            description = {
                "Run N jobs of S no-op steps through the engine and print steps per second and the per-step",
                "overhead (ready to committed), median and p99, in embedded mode (H2, in-process queues) and in",
                "distributed mode (PostgreSQL and RabbitMQ; skipped when they are unreachable)."
            })
    static final class Engine implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--jobs", defaultValue = "200", description = "Jobs to measure (default ${DEFAULT-VALUE}).")
        int jobs;

        @Option(names = "--steps", defaultValue = "10", description = "No-op steps per job (default ${DEFAULT-VALUE}).")
        int steps;

        @Option(
                names = "--mode",
                defaultValue = "both",
                description = "embedded, distributed or both (default ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--concurrency", description = "Workers per queue (default: the service's, marketing 4).")
        Integer concurrency;

        @Option(
                names = "--warmup",
                description = {
                    "Jobs run before measuring, so the JIT has compiled the engine's",
                    "paths (default: as many as measured, at least 200)."
                })
        Integer warmup;

        @Mixin
        DistributedTarget target;

        @Override
        public Integer call() throws Exception {
            if (concurrency != null && concurrency < 1) {
                spec.commandLine().getErr().println("studio bench engine: --concurrency must be at least 1");
                return 2;
            }
            if (warmup != null && warmup < 0) {
                spec.commandLine().getErr().println("studio bench engine: --warmup must be 0 or more");
                return 2;
            }
            if (jobs < 1 || steps < 1) {
                spec.commandLine().getErr().println("studio bench engine: --jobs and --steps must be at least 1");
                return 2;
            }
            String which = mode.toLowerCase(Locale.ROOT);
            if (!List.of("embedded", "distributed", "both").contains(which)) {
                spec.commandLine()
                        .getErr()
                        .println("studio bench engine: --mode must be embedded, distributed or both");
                return 2;
            }
            List<EngineBenchmark.Result> results = new ArrayList<>();
            if (!which.equals("distributed")) {
                results.add(EngineBenchmark.run("embedded", tuned(embedded()), warmupJobs(), jobs, steps));
            }
            if (!which.equals("embedded")) {
                distributed(results);
            }
            print(results);
            return 0;
        }

        private List<String> tuned(List<String> properties) {
            if (concurrency == null) {
                return properties;
            }
            List<String> all = new ArrayList<>(properties);
            all.add("studio.engine.concurrency.marketing=" + concurrency);
            return all;
        }

        private List<String> embedded() throws IOException {
            String dataDir = Files.createTempDirectory("studio-bench").toString();
            return List.of("studio.mode=embedded", "studio.data-dir=" + dataDir);
        }

        private void distributed(List<EngineBenchmark.Result> results) throws Exception {
            try (DistributedTarget.Scratch scratch = target.open("studio bench engine")) {
                if (scratch != null) {
                    results.add(
                            EngineBenchmark.run("distributed", tuned(scratch.properties()), warmupJobs(), jobs, steps));
                }
            }
        }

        private static double perStep(Duration cpu, int steps) {
            return cpu.toNanos() / 1e6 / steps;
        }

        private static String perStepOrNot(Duration cpu, int steps) {
            return cpu == null ? "not measured" : String.format(Locale.ROOT, "%.2f ms", perStep(cpu, steps));
        }

        private int warmupJobs() {
            return warmup != null ? warmup : Math.max(200, jobs);
        }

        private void print(List<EngineBenchmark.Result> results) throws IOException {
            Report out = new Report("engine");
            out.format(
                    "%nCampaign Studio engine benchmark: %d jobs x %d no-op steps"
                            + " after %d warm-up jobs, workers %s, %d cores, Java %s%n",
                    jobs,
                    steps,
                    warmupJobs(),
                    concurrency == null ? "default" : concurrency,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            out.format(
                    "%-12s %6s %8s %8s %8s | %-17s | %-17s | %-17s | %-17s%n",
                    "",
                    "",
                    "submit",
                    "execute",
                    "overall",
                    "step work ms",
                    "ready->done ms",
                    "ready->done ms",
                    "backlog");
            out.format(
                    "%-12s %6s %8s %8s %8s | %8s %8s | %8s %8s | %8s %8s | %8s %8s%n",
                    "mode", "steps", "jobs/s", "steps/s", "steps/s", "p50", "p99", "p50", "p99", "p50", "p99", "jobs/s",
                    "steps/s");
            for (EngineBenchmark.Result r : results) {
                out.format(
                        "%-12s %6d %8.1f %8.1f %8.1f | %8.1f %8.1f | %8.1f %8.1f | %8.1f %8.1f | %8.1f %8.1f%n",
                        r.mode(),
                        r.steps(),
                        r.submittedPerSecond(),
                        r.executedPerSecond(),
                        r.stepsPerSecond(),
                        r.work().p50(),
                        r.work().p99(),
                        r.loaded().p50(),
                        r.loaded().p99(),
                        r.alone().p50(),
                        r.alone().p99(),
                        r.submittedAlonePerSecond(),
                        r.drainedPerSecond());
            }
            for (EngineBenchmark.Result r : results) {
                ProcessCpu cpu = r.backlog().cpu();
                // embedded mode uses neither server: whatever runs on this machine would be counted for nothing
                boolean servers = !r.mode().equals("embedded");
                out.format(
                        "%-12s backlog CPU per step: this JVM %.2f ms, PostgreSQL %s, RabbitMQ %s%n",
                        r.mode(),
                        perStep(cpu.jvm(), r.steps()),
                        servers ? perStepOrNot(cpu.postgres(), r.steps()) : "not used",
                        servers ? perStepOrNot(cpu.rabbitmq(), r.steps()) : "not used");
            }
            out.line(
                    "submit: jobs accepted per second by the submission port, 4 threads (the API bench measures HTTP)");
            out.line("execute: steps per second from the first step created to the last finished");
            out.line("overall: steps per second from the first submission to the last job finished");
            out.line("step work: claim to result committed (claim, events, no-op handler, completion, next step)");
            out.line("ready->done (first): all jobs submitted at once, so it includes waiting for a free worker");
            out.line("ready->done (second): one job at a time: the engine's latency per step, dispatch hop included");
            out.line("backlog: as many jobs submitted while nothing is dispatched (jobs/s: submission with nothing");
            out.line("  running beside it), then dispatched at once (steps/s: dispatch released to the last finished)");
            out.line("backlog CPU: user and system time from the dispatch released to the jobs seen finished (polled");
            out.line("  every 100 ms, one indexed count), of this JVM and (from /proc, distributed mode) of every");
            out.line("  postgres and beam.smp process of this machine, whoever they worked for");
            out.printAndSave(spec.commandLine().getOut());
        }
    }

    /** {@code studio bench media}: a full-size video with the local adapters, against the ffmpeg command line. */
    @Command(
            name = "media",
            mixinStandardHelpOptions = true,
            description = {
                "Render a 1080x1920 fast video of 6 scenes of 5 s (crossfades, voice-over, captions, music)",
                "with the local adapters as the pipeline does (scene images and clips in parallel, one per worker,",
                "then the stitch) and print the time of each stage; then time the ffmpeg command line encoding",
                "the final frames once and running the same stitch (-filter_complex), and print both ratios."
            })
    static final class Media implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--width", defaultValue = "1080", description = "Frame width (default ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", defaultValue = "1920", description = "Frame height (default ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--scenes", defaultValue = "6", description = "Scenes (default ${DEFAULT-VALUE}).")
        int scenes;

        @Option(
                names = "--scene-seconds",
                defaultValue = "5",
                description = "Seconds per scene (default ${DEFAULT-VALUE}).")
        int sceneSeconds;

        @Option(names = "--workers", description = "Scenes rendered at once (default: the number of cores).")
        Integer workers;

        @Option(names = "--out", description = "Where to write the video (default out/bench/media-<time>.mp4).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (width % 2 != 0 || height % 2 != 0 || width < 64 || height < 64 || scenes < 1 || sceneSeconds < 1) {
                err.println("studio bench media: width and height must be even and at least 64, scenes and seconds"
                        + " at least 1");
                return 2;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            if (workers != null && workers < 1) {
                err.println("studio bench media: --workers must be at least 1");
                return 2;
            }
            String loadBefore = load();
            MediaBenchmark.Settings settings = new MediaBenchmark.Settings(
                    width, height, scenes, sceneSeconds * 1000L, workers == null ? cores : workers);
            MediaBenchmark.Result r = MediaBenchmark.run(
                    settings, (out == null ? BenchOutput.file("media", "mp4") : out).toAbsolutePath());
            report(settings, r, loadBefore).printAndSave(spec.commandLine().getOut());
            return 0;
        }

        private Report report(MediaBenchmark.Settings settings, MediaBenchmark.Result r, String loadBefore) {
            Report b = new Report("media");
            b.format(
                    "%nCampaign Studio media benchmark: %dx%d, %d scenes, %.1f s of video,"
                            + " %d scenes at once, %d cores, Java %s%n",
                    width,
                    height,
                    scenes,
                    r.seconds(),
                    settings.workers(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            b.line("  load average (1, 5, 15 min) before: " + loadBefore + ", after: " + load());
            r.stages().forEach((stage, millis) -> seconds(b, stage, millis));
            seconds(b, "  of which scene images, summed over the workers", r.imageMs());
            seconds(b, "  of which scene clips (render, encode), summed", r.clipMs());
            seconds(b, "total", r.totalMillis());
            FfmpegYardsticks.Figures f = r.yardstick();
            if (f.note() != null) {
                b.line("  ffmpeg command line: not measured (" + f.note() + ")");
            } else {
                seconds(b, "ffmpeg: encode the final frames once", f.encodeMillis());
                seconds(b, "  (its decode alone, taken off the re-encode)", f.decodeMillis());
                seconds(b, "ffmpeg: the same stitch (-filter_complex)", f.stitchMillis());
                b.format(
                        "  whole video / ffmpeg encode of the final frames: %.2f" + " (goal <= 2.0)%n",
                        r.totalMillis() / (double) f.encodeMillis());
                b.format(
                        "  stitch / ffmpeg same stitch:                     %.2f" + " (goal <= 1.2)%n",
                        r.stitchMillis() / (double) f.stitchMillis());
                if (f.encodeCpuMillis() > 0 && f.stitchCpuMillis() > 0) {
                    b.format(
                            "  CPU time (less sensitive to a shared machine's load): whole"
                                    + " video %.1f s / ffmpeg encode %.1f s = %.2f;"
                                    + " stitch %.1f s / ffmpeg same stitch %.1f s = %.2f%n",
                            r.cpuMs() / 1000.0,
                            f.encodeCpuMillis() / 1000.0,
                            r.cpuMs() / (double) f.encodeCpuMillis(),
                            r.stitchCpuMs() / 1000.0,
                            f.stitchCpuMillis() / 1000.0,
                            r.stitchCpuMs() / (double) f.stitchCpuMillis());
                }
                b.line("  ffmpeg's stitch: " + f.stitchOutput());
            }
            b.line("  video: " + r.output());
            return b;
        }

        private static void seconds(Report report, String what, long millis) {
            report.format("  %-52s %8.2f s%n", what, millis / 1000.0);
        }

        /** The machine's load average, as uptime prints it, or "unknown". */
        private static String load() {
            try {
                String[] parts =
                        Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return parts[0] + ", " + parts[1] + ", " + parts[2];
            } catch (IOException | RuntimeException unknown) {
                return "unknown";
            }
        }
    }

    /** {@code studio bench api}: concurrent HTTP clients submitting creation jobs, against pgbench's inserts. */
    @Command(
            name = "api",
            mixinStandardHelpOptions = true,
            description = {
                "Start the API (no workers) against PostgreSQL and RabbitMQ, have N HTTP clients submit creation",
                "jobs (each its own idempotency key) for a fixed time after a warm-up, and print accepted jobs per",
                "second and the latency of POST /v1/jobs, median and p99. When pgbench is on the PATH, run its",
                "one-row insert with as many clients on the same database and print the ratio."
            })
    static final class Api implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--clients",
                defaultValue = "16",
                description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
        int clients;

        @Option(
                names = "--seconds",
                defaultValue = "20",
                description = "Seconds to measure (default ${DEFAULT-VALUE}).")
        int seconds;

        /**
         * 30 s by default: the JIT's C2 compiler is still at work long after 5 s (on a 2-core machine 5 s of warm-up
         * measured about 190 jobs/s, 60 s about 310), so a short warm-up measures the compiler as much as the API.
         */
        @Option(
                names = "--warmup",
                defaultValue = "30",
                description = {
                    "Seconds of warm-up first (default ${DEFAULT-VALUE}): the JIT compiler",
                    "is still busy after a few seconds, so shorter measures it too."
                })
        int warmup;

        @Mixin
        DistributedTarget target;

        @Override
        public Integer call() throws Exception {
            if (clients < 1 || seconds < 1 || warmup < 0) {
                spec.commandLine()
                        .getErr()
                        .println("studio bench api: --clients and --seconds must be at least 1, --warmup at least 0");
                return 2;
            }
            try (DistributedTarget.Scratch scratch = target.open("studio bench api")) {
                if (scratch == null) {
                    return 1;
                }
                ApiBenchmark.Result r = ApiBenchmark.run(
                        "distributed",
                        scratch.properties(),
                        clients,
                        Duration.ofSeconds(seconds),
                        Duration.ofSeconds(warmup));
                ProcessCpu beforePgbench = ProcessCpu.now();
                OptionalDouble tps = pgbench(scratch);
                ProcessCpu pgbenchCpu = ProcessCpu.now().since(beforePgbench);
                Report out = new Report("api");
                out.format(
                        "%nCampaign Studio API benchmark: %d clients, %d s after %d s warm-up,"
                                + " %d cores, Java %s, PostgreSQL %s%n",
                        clients,
                        seconds,
                        warmup,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        target.pgUrl);
                out.format("  POST /v1/jobs accepted      %8d jobs, %8.1f jobs/s%n", r.accepted(), r.jobsPerSecond());
                out.format("  latency (accepted)          p50 %6.1f ms, p99 %6.1f ms%n", r.p50(), r.p99());
                if (!r.refused().isEmpty()) {
                    out.line("  answered otherwise (status: count) " + r.refused());
                }
                if (r.accepted() > 0) {
                    out.format(
                            "  CPU per accepted job        this JVM (API and clients) %.2f ms, PostgreSQL %s%n",
                            Engine.perStep(r.cpu().jvm(), (int) r.accepted()),
                            Engine.perStepOrNot(r.cpu().postgres(), (int) r.accepted()));
                }
                if (tps.isPresent()) {
                    out.format(
                            "  pgbench one-row insert      %8.1f tps (%d clients, %d s)%n",
                            tps.getAsDouble(), clients, seconds);
                    out.format(
                            "  PostgreSQL CPU per insert   %s%n",
                            Engine.perStepOrNot(
                                    pgbenchCpu.postgres(), (int) Math.max(1, Math.round(tps.getAsDouble() * seconds))));
                    out.format(
                            "  ratio jobs/s : insert tps   %8.2f (goal >= 0.5)%n",
                            r.jobsPerSecond() / tps.getAsDouble());
                } else {
                    out.line("  pgbench: not measured (not on the PATH, or it failed)");
                }
                out.printAndSave(spec.commandLine().getOut());
            }
            return 0;
        }

        private OptionalDouble pgbench(DistributedTarget.Scratch scratch) throws Exception {
            java.nio.file.Path pgbench = PgBench.locate();
            if (pgbench == null) {
                return OptionalDouble.empty();
            }
            String table = scratch.schema() + ".pgbench_insert";
            target.execute("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, payload text NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
            return PgBench.insertTps(pgbench, target.pgUrl, target.pgUser, table, clients, seconds);
        }
    }
}
