package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.LargePng;
import dev.campaignstudio.server.support.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 200 MB image goes up through {@code POST /v1/assets} into an S3-compatible store and comes back down through
 * {@code GET /v1/assets/{id}}, and the JVM's live heap (measured after full collections, sampled throughout) never grows
 * by 64 MB: nothing holds the file whole on the way in or out.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LargeAssetHeapSystemTest {

    private static final String TOKEN = "heap-token";
    private static final long LIMIT = 64L * 1024 * 1024;
    private static final int SIDE = 5800;

    private static S3ProxyServer s3;
    private static String bucket;
    private static Path work;

    @LocalServerPort
    int port;

    @BeforeAll
    static void store() throws Exception {
        work = Files.createTempDirectory("studio-heap");
        s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")));
        bucket = s3.createBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        for (String property : s3.properties(bucket)) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("studio.data-dir", () -> work.resolve("data").toString());
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.engine.queues", () -> "");
        registry.add("studio.assets.max-bytes", () -> "256MB");
    }

    @Test
    void a200MegabyteUploadAndDownloadKeepTheHeapGrowthUnder64Megabytes() throws Exception {
        Path png = work.resolve("large.png");
        String sha256 = LargePng.write(png, SIDE, SIDE);
        long size = Files.size(png);
        assertThat(size).isGreaterThan(200_000_000L);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HeapSampler heap = HeapSampler.start();
        String id;
        try {
            HttpResponse<String> uploaded = http.send(upload(png), HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            JsonNode asset = JsonMapper.builder().build().readTree(uploaded.body());
            assertThat(asset.get("sha256").asString()).isEqualTo(sha256);
            assertThat(asset.get("bytes").asLong()).isEqualTo(size);
            assertThat(asset.get("width").asInt()).isEqualTo(SIDE);
            id = asset.get("id").asString();

            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/assets/" + id))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(size);
            MessageDigest digest = Sha256.digest();
            long read = 0;
            try (InputStream body = download.body()) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = body.read(buffer)) != -1) {
                    digest.update(buffer, 0, n);
                    read += n;
                }
            }
            assertThat(read).isEqualTo(size);
            assertThat(Sha256.hex(digest)).isEqualTo(sha256);
        } finally {
            heap.stop();
        }

        assertThat(heap.samples()).as("the heap was measured during the transfer").isGreaterThan(2);
        assertThat(heap.growth()).as("live heap growth during a %d-byte upload and download (baseline %d)", size, heap.baseline())
                .isLessThan(LIMIT);
    }

    private HttpRequest upload(Path file) throws IOException {
        String boundary = "----studio" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/assets"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * The live heap (used after a full collection), measured before and then every 250 ms while work runs: whatever
     * held the whole file would be alive at some sample and show as growth.
     */
    private static final class HeapSampler {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        private long baseline;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.baseline = sampler.live();
            sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, 250, TimeUnit.MILLISECONDS);
            return sampler;
        }

        private long live() {
            System.gc();
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        private void sample() {
            peak.accumulateAndGet(live(), Math::max);
            count.incrementAndGet();
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
            sample();
        }

        long baseline() {
            return baseline;
        }

        long growth() {
            return peak.get() - baseline;
        }

        long samples() {
            return count.get();
        }
    }
}
