package dev.campaignstudio.bench;

import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.JobRequestWriter;
import dev.campaignstudio.core.contract.MarketingCreationRequest;
import dev.campaignstudio.core.contract.ProductAttributes;
import dev.campaignstudio.core.contract.ProductImage;
import dev.campaignstudio.core.contract.ProductSnapshot;
import dev.campaignstudio.core.contract.RequestEnvelope;
import dev.campaignstudio.core.port.in.SubmitJob;
import dev.campaignstudio.core.port.in.SubmitOutcome;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.engine.DispatchRelay;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs N jobs of S no-op steps through the real engine (database, relay, transport, claims, events) and reports
 * throughput and per-step overhead, the time from a step becoming ready to its result being committed.
 */
public final class EngineBenchmark {

    /**
     * What one run measured. Every step is a no-op, so all of each figure is the engine's overhead.
     *
     * @param mode   embedded or distributed
     * @param jobs   jobs run
     * @param steps  steps run
     * @param wall   first submission to last job finished
     * @param submit first submission to last submission answered (one thread submitting through the port)
     * @param busy   first step created to last step finished (execution, overlapping the submissions)
     * @param work   per step, claim to result committed (claim transaction, events, completion, planning the next step)
     * @param loaded per step, ready to result committed, with all jobs submitted at once (includes waiting for a worker)
     * @param alone  per step, ready to result committed, one job at a time (adds the dispatch hop to {@code work})
     * @param backlog the same number of jobs submitted with nothing dispatched, then executed as a backlog
     */
    public record Result(
            String mode,
            int jobs,
            int steps,
            Duration wall,
            Duration submit,
            Duration busy,
            Percentiles work,
            Percentiles loaded,
            Percentiles alone,
            Backlog backlog) {

        /** Steps per second over the whole run. */
        public double stepsPerSecond() {
            return steps / (wall.toNanos() / 1e9);
        }

        /** Jobs accepted per second by the submission port. */
        public double submittedPerSecond() {
            return jobs / (submit.toNanos() / 1e9);
        }

        /** Jobs accepted per second with nothing executing beside the submissions. */
        public double submittedAlonePerSecond() {
            return jobs / (backlog.submit().toNanos() / 1e9);
        }

        /** Steps executed per second from a backlog of all the jobs, with nothing submitted beside them. */
        public double drainedPerSecond() {
            return steps / (backlog.drain().toNanos() / 1e9);
        }

        /** Steps executed per second while steps were running. */
        public double executedPerSecond() {
            return steps / (busy.toNanos() / 1e9);
        }
    }

    /** Threads submitting jobs through the port at once, as a few API request threads would. */
    private static final int SUBMITTERS = 4;

    /** Jobs run one after another for the unloaded latency. */
    private static final int SOLO_JOBS = 10;

    private EngineBenchmark() {}

    /**
     * Runs the benchmark in a fresh service.
     *
     * @param mode       {@code embedded} or {@code distributed}
     * @param properties Spring properties ({@code key=value}) for that mode's database and broker
     * @param warmup     jobs run first, unmeasured, so the JIT has compiled the engine's paths (0 for none)
     * @param jobs       jobs to measure
     * @param steps      no-op steps per job
     */
    public static Result run(String mode, List<String> properties, int warmup, int jobs, int steps)
            throws InterruptedException {
        SpringApplication application = new SpringApplication(StudioApplication.class, NoOpPipeline.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>();
        args.add("--studio.bench.steps=" + steps);
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.org.springframework.amqp=ERROR");
        properties.forEach(p -> args.add("--" + p));
        try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
            SubmitJob submit = context.getBean(SubmitJob.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            if (warmup > 0) {
                runJobs(submit, jdbc, warmup, "warmup");
            }
            Instant start = Instant.now();
            Duration[] submitted = new Duration[1];
            List<String> ids = runJobs(submit, jdbc, jobs, "measured", submitted);
            Span busy = span(jdbc, ids);
            // ends at the last step's finished time (written by the engine on this JVM's clock), not when the poll
            // saw it: the poll is coarse (AWAIT_POLL)
            Duration wall = Duration.between(start, busy.last().toInstant());
            Backlog backlog = backlog(context.getBean(DispatchRelay.class), submit, jdbc, jobs);
            List<String> alone = new ArrayList<>();
            for (int i = 0; i < SOLO_JOBS; i++) {
                alone.addAll(runJobs(submit, jdbc, 1, "alone"));
            }
            List<Double> loaded = millis(jdbc, ids, "created_at");
            return new Result(
                    mode,
                    jobs,
                    loaded.size(),
                    wall,
                    submitted[0],
                    Duration.between(busy.first(), busy.last()),
                    Percentiles.of(millis(jdbc, ids, "started_at")),
                    Percentiles.of(loaded),
                    Percentiles.of(millis(jdbc, alone, "created_at")),
                    backlog);
        }
    }

    /**
     * The same number of jobs submitted while the relay dispatches nothing, then dispatched at once: submission with no
     * execution beside it, and execution with no submission beside it (docs/engine.md, "Measured").
     *
     * @param submit submission of all the jobs, nothing running
     * @param drain  dispatch released to the last step finished
     * @param cpu    CPU used from the dispatch released to the jobs seen finished (see {@link #awaitFinished})
     */
    public record Backlog(Duration submit, Duration drain, ProcessCpu cpu) {}

    private static Backlog backlog(DispatchRelay relay, SubmitJob submit, JdbcClient jdbc, int jobs)
            throws InterruptedException {
        String run = run("backlog");
        relay.stop();
        Instant began = Instant.now();
        Instant released;
        ProcessCpu atRelease;
        List<String> ids;
        try {
            ids = submitAll(submit, jobs, run);
        } finally {
            released = Instant.now();
            atRelease = ProcessCpu.now();
            relay.start();
        }
        awaitFinished(jdbc);
        ProcessCpu used = ProcessCpu.now().since(atRelease);
        // the drain ends at the last step's finished time, not when the (coarse) poll saw it
        OffsetDateTime last = span(jdbc, ids).last();
        return new Backlog(Duration.between(began, released), Duration.between(released, last.toInstant()), used);
    }

    /**
     * Median and 99th percentile, in milliseconds.
     *
     * @param p50 median
     * @param p99 99th percentile
     */
    public record Percentiles(double p50, double p99) {
        static Percentiles of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Percentiles(percentile(sorted, 0.5), percentile(sorted, 0.99));
        }
    }

    private static List<String> runJobs(SubmitJob submit, JdbcClient jdbc, int count, String label)
            throws InterruptedException {
        return runJobs(submit, jdbc, count, label, new Duration[1]);
    }

    private static List<String> runJobs(
            SubmitJob submit, JdbcClient jdbc, int count, String label, Duration[] submitted)
            throws InterruptedException {
        long began = System.nanoTime();
        String run = run(label);
        List<String> ids = submitAll(submit, count, run);
        submitted[0] = Duration.ofNanos(System.nanoTime() - began);
        awaitFinished(jdbc);
        return ids;
    }

    private static String run(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Submits {@code count} jobs from {@link #SUBMITTERS} threads; answers their ids. */
    private static List<String> submitAll(SubmitJob submit, int count, String run) throws InterruptedException {
        List<Callable<String>> submissions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "bench-" + run + "-" + i;
            submissions.add(() -> {
                JobRequest request = new MarketingCreationRequest(
                        RequestEnvelope.of(key),
                        new ProductSnapshot(
                                "bench-product",
                                "Benchmark product",
                                List.of(new ProductImage("https://cdn.example.com/bench.png")),
                                null,
                                ProductAttributes.NONE));
                Map<String, Object> tree = new JobRequestWriter().write(request);
                SubmitOutcome outcome =
                        submit.submit(new JobRequestReader().read(tree).orThrow(), CanonicalJson.sha256(tree));
                return ((SubmitOutcome.Created) outcome).job().id().value();
            });
        }
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            for (Future<String> id : pool.invokeAll(submissions)) {
                ids.add(id.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark submission failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return ids;
    }

    /**
     * How often {@link #awaitFinished} asks the database whether jobs are open. The backlog's CPU figures (docs/engine.md
     * "Where the time goes") count every process's CPU from the dispatch released to the poll that sees no job open, so
     * the polling is part of them: it is one indexed count ({@code ix_jobs_status}) every 100 ms, about 10 statements a
     * second against the engine's thousands, where it was a scan of {@code jobs} every 20 ms. Times are not taken from
     * the poll: a run ends at its last step's {@code finished_at}.
     */
    private static final Duration AWAIT_POLL = Duration.ofMillis(100);

    /**
     * Waits until no job is queued or running; fails when one did not succeed. The bench's runs follow one another in a
     * database (or scratch schema) of its own, so the open jobs are the current run's.
     */
    private static void awaitFinished(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long open = jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                long failed = jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status IN ('failed', 'cancelled')")
                        .query(Long.class)
                        .single();
                if (failed > 0) {
                    throw new IllegalStateException(failed + " benchmark job(s) did not succeed");
                }
                return;
            }
            Thread.sleep(AWAIT_POLL.toMillis());
        }
        throw new IllegalStateException("the benchmark jobs did not finish within 10 minutes");
    }

    /**
     * When the steps of some jobs ran.
     *
     * @param first the first step created
     * @param last  the last step finished
     */
    private record Span(OffsetDateTime first, OffsetDateTime last) {}

    private static Span span(JdbcClient jdbc, List<String> ids) {
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            List<OffsetDateTime[]> span = jdbc.sql(
                            "SELECT MIN(created_at) AS first, MAX(finished_at) AS last FROM steps"
                                    + " WHERE job_id IN (:ids)")
                    .param("ids", batch)
                    .query((rs, row) -> new OffsetDateTime[] {
                        rs.getObject("first", OffsetDateTime.class), rs.getObject("last", OffsetDateTime.class)
                    })
                    .list();
            OffsetDateTime[] range = span.get(0);
            first = first == null || range[0].isBefore(first) ? range[0] : first;
            last = last == null || range[1].isAfter(last) ? range[1] : last;
        }
        return new Span(first, last);
    }

    private static List<Double> millis(JdbcClient jdbc, List<String> ids, String from) {
        List<Double> overheads = new ArrayList<>();
        for (int first = 0; first < ids.size(); first += 500) {
            List<String> batch = ids.subList(first, Math.min(ids.size(), first + 500));
            jdbc.sql("SELECT " + from + " AS since, finished_at FROM steps WHERE job_id IN (:ids)")
                    .param("ids", batch)
                    .query((rs, row) -> {
                        OffsetDateTime ready = rs.getObject("since", OffsetDateTime.class);
                        OffsetDateTime done = rs.getObject("finished_at", OffsetDateTime.class);
                        overheads.add(Duration.between(ready, done).toNanos() / 1e6);
                        return null;
                    })
                    .list();
        }
        return overheads;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
