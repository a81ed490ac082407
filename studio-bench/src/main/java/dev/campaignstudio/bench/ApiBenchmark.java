package dev.campaignstudio.bench;

import dev.campaignstudio.media.SampleProducts;
import dev.campaignstudio.server.StudioApplication;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the API (no workers) on a free loopback port and has N HTTP clients submit creation jobs for a fixed time,
 * each with its own idempotency key, measuring what a caller sees: accepted jobs per second and the latency of
 * {@code POST /v1/jobs}. See docs/engine.md "Measured".
 */
public final class ApiBenchmark {

    /**
     * What one run measured.
     *
     * @param clients  concurrent HTTP clients
     * @param seconds  measured seconds (after a warm-up)
     * @param accepted jobs answered {@code 201 Created}
     * @param refused  answers other than 201, by status
     * @param p50      median latency of an accepted submission, ms
     * @param p99      99th percentile latency, ms
     * @param cpu      the CPU the measured seconds took: this JVM's (the API and the HTTP clients) and the servers'
     */
    public record Result(
            int clients,
            double seconds,
            long accepted,
            Map<Integer, Long> refused,
            double p50,
            double p99,
            ProcessCpu cpu) {

        /** Accepted jobs per second. */
        public double jobsPerSecond() {
            return accepted / seconds;
        }
    }

    private static final String TOKEN = "bench-" + UUID.randomUUID();

    private ApiBenchmark() {}

    /**
     * Runs the benchmark against a fresh API process in this JVM.
     *
     * @param profile    {@code distributed} or {@code null} for embedded
     * @param properties Spring properties ({@code key=value}) for that mode's database and broker
     * @param clients    concurrent HTTP clients
     * @param measure    how long to measure
     * @param warmup     how long to submit before measuring
     */
    public static Result run(String profile, List<String> properties, int clients, Duration measure, Duration warmup)
            throws IOException, InterruptedException {
        SpringApplication application = new SpringApplication(StudioApplication.class);
        if (profile != null) {
            application.setAdditionalProfiles(profile);
        }
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--studio.api.tokens=" + TOKEN);
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.org.springframework.amqp=ERROR");
        properties.forEach(p -> args.add("--" + p));
        try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String asset = upload(http, base);
            String run = UUID.randomUUID().toString().substring(0, 8);
            submitFor(http, base, asset, run + "-w", clients, warmup, new ArrayList<>(), new ConcurrentHashMap<>());
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, Long> refused = new ConcurrentHashMap<>();
            ProcessCpu before = ProcessCpu.now();
            long started = System.nanoTime();
            submitFor(http, base, asset, run + "-m", clients, measure, latencies, refused);
            double seconds = (System.nanoTime() - started) / 1e9;
            ProcessCpu used = ProcessCpu.now().since(before);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(
                    clients,
                    seconds,
                    sorted.size(),
                    Map.copyOf(refused),
                    millis(sorted, 0.5),
                    millis(sorted, 0.99),
                    used);
        }
    }

    private static void submitFor(
            HttpClient http,
            String base,
            String asset,
            String run,
            int clients,
            Duration time,
            List<Long> latencies,
            Map<Integer, Long> refused)
            throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong failures = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        try {
                            for (int i = 0; System.nanoTime() < deadline; i++) {
                                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/jobs"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                creation(asset, run + "-" + client + "-" + i)))
                                        .build();
                                long sent = System.nanoTime();
                                HttpResponse<Void> response =
                                        http.send(request, HttpResponse.BodyHandlers.discarding());
                                long took = System.nanoTime() - sent;
                                if (response.statusCode() == 201) {
                                    latencies.add(took);
                                } else {
                                    refused.merge(response.statusCode(), 1L, Long::sum);
                                }
                            }
                        } catch (IOException | InterruptedException e) {
                            failures.incrementAndGet();
                        } finally {
                            done.countDown();
                        }
                    },
                    "bench-client-" + c);
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " benchmark client(s) lost their connection to the API");
        }
    }

    private static String creation(String asset, String key) {
        return """
                {"contract_version": 2, "job_type": "marketing_creation", "idempotency_key": "bench-%s",
                 "product": {"product_id": "bench-%s", "name": "Aurora Water Bottle", "images": [{"uri": "asset:%s"}],
                  "attributes": {"brand": "Aurora", "category": "drinkware"}}}
                """.formatted(key, key, asset);
    }

    private static String upload(HttpClient http, String base) throws IOException, InterruptedException {
        byte[] photo = SampleProducts.bottlePhoto(600, 800, new Color(20, 130, 140), 1);
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bottle.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + photo.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(photo, 0, body, head.length, photo.length);
        System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/assets"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(ast_[^\"]+)\"").matcher(response.body());
        if (response.statusCode() / 100 != 2 || !id.find()) {
            throw new IllegalStateException("the sample photo upload was answered " + response.statusCode());
        }
        return id.group(1);
    }

    private static double millis(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
