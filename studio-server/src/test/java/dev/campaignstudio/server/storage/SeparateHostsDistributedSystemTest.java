package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.engine.TestWorkerMain;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.Downloads;
import dev.campaignstudio.server.support.S3ProxyServer;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.TcpProxy;
import java.awt.Color;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * API and workers as on separate hosts: this JVM is the API alone, two worker processes serve every queue, and each of
 * the three has a data directory of its own. They share only PostgreSQL, RabbitMQ and an S3-compatible server
 * (S3Proxy, reached through a TCP proxy, so a test can take the store away mid-job and give it back at a moment it
 * chooses).
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SeparateHostsDistributedSystemTest {

    private static final String TOKEN = "separate-hosts-token";
    private static final int VIDEO_LONG_SIDE = 256;

    private static Distributed environment;
    private static Path s3Directory;
    private static S3ProxyServer s3;
    private static TcpProxy storeLink;
    private static String bucket;
    private static Path apiDataDir;
    private static final List<Path> workerDataDirs = new ArrayList<>();
    private static final List<Process> workers = new ArrayList<>();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        s3Directory = Files.createTempDirectory("studio-separate-hosts-s3");
        s3 = S3ProxyServer.start(s3Directory);
        bucket = s3.createBucket();
        storeLink = new TcpProxy("127.0.0.1", s3.port());
        apiDataDir = Files.createTempDirectory("studio-host-api");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Process worker : workers) {
            worker.destroy();
            worker.waitFor();
        }
        if (storeLink != null) {
            storeLink.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (environment != null) {
            environment.deleteQueues();
        }
    }

    /** What every process is told: the shared database, broker and bucket; small media. */
    private static List<String> shared() {
        List<String> properties = new ArrayList<>(environment.properties(Distributed.RABBIT_PORT));
        properties.removeIf(p -> p.startsWith("studio.storage."));
        properties.addAll(S3ProxyServer.properties(bucket, URI.create("http://127.0.0.1:" + storeLink.port())));
        properties.add("studio.api.tokens=" + TOKEN);
        properties.add("studio.stages.image-long-side=256");
        properties.add("studio.stages.video-long-side=" + VIDEO_LONG_SIDE);
        properties.add("studio.stages.fps=8");
        // three processes on a PostgreSQL that other suites share: few connections each
        properties.add("spring.datasource.hikari.maximum-pool-size=4");
        return properties;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // the SDK's default chain finds these as it would AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY on a host
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        for (String property : shared()) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("studio.data-dir", apiDataDir::toString);
        registry.add("studio.engine.queues", () -> "");
    }

    @BeforeEach
    void startWorkers() throws Exception {
        api = new ApiClient(port, TOKEN);
        synchronized (SeparateHostsDistributedSystemTest.class) {
            while (workers.size() < 2) {
                Path dataDir = Files.createTempDirectory("studio-host-worker");
                workerDataDirs.add(dataDir);
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
                command.addAll(S3ProxyServer.credentialOptions());
                command.addAll(List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        TestWorkerMain.class.getName(),
                        "--real-pipelines"));
                shared().forEach(p -> command.add("--" + p));
                command.add("--studio.data-dir=" + dataDir);
                command.add("--studio.engine.queues=marketing,avatar,callbacks,maintenance,retry");
                command.add("--spring.flyway.enabled=false");
                File log = Path.of("target", "separate-hosts-worker-" + workers.size() + ".log")
                        .toFile();
                workers.add(new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log)
                        .start());
            }
            for (int i = 0; i < workers.size(); i++) {
                Path log = Path.of("target", "separate-hosts-worker-" + i + ".log");
                Process worker = workers.get(i);
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            assertThat(worker.isAlive())
                                    .as("worker %s is up; see %s", worker.pid(), log)
                                    .isTrue();
                            return Files.readString(log).contains("TEST WORKER READY");
                        });
            }
        }
    }

    private Map<String, Object> product(String id) {
        Map<String, Object> product = Samples.uploaded(api, "kiln-mug");
        product.remove("link");
        product.put("product_id", id + "-" + System.nanoTime());
        return product;
    }

    private String submit(Map<String, Object> tree) {
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> fastVideo(Map<String, Object> product) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "fast-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "fast_video");
        tree.put("prompt", "Summer launch: bright, upbeat, beach vibes");
        tree.put("settings", Map.of("duration_s", 5, "scene_count", 2));
        return tree;
    }

    private static Map<String, Object> creation(Map<String, Object> product) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_creation");
        tree.put("idempotency_key", "creation-" + System.nanoTime());
        tree.put("product", product);
        return tree;
    }

    private JsonNode finished(String id) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("succeeded", "failed", "cancelled")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        return api.get("/v1/jobs/" + id).json();
    }

    private JsonNode completedEvent(String id) {
        for (JsonNode event : api.get("/v1/jobs/" + id + "/events").json().get("items")) {
            if (event.get("type").asString().equals("completed")) {
                return event;
            }
        }
        throw new AssertionError("job " + id + " has no completed event");
    }

    private static JsonNode finalVideo(JsonNode manifest) {
        for (JsonNode output : manifest.get("outputs")) {
            if (output.get("role").asString().equals("final_video")) {
                return output;
            }
        }
        throw new AssertionError("no final video in " + manifest);
    }

    @Test
    void aCreationAndAFastVideoSucceedWithOutputsFetchedByTheirLinksAndNoFileOnAnyHost() throws Exception {
        Map<String, Object> product = product("kiln-hosts");

        String creation = submit(creation(product));
        JsonNode created = finished(creation);
        assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("succeeded");
        for (JsonNode output : created.get("manifest").get("outputs")) {
            Downloads.assertServedWithoutToken(output);
        }

        String fast = submit(fastVideo(product));
        JsonNode job = finished(fast);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        JsonNode video = finalVideo(job.get("manifest"));
        assertThat(video.get("media_type").asString()).isEqualTo("video/mp4");
        byte[] bytes = Downloads.assertServedWithoutToken(video);
        assertThat(bytes.length).isEqualTo(video.get("bytes").asLong());
        assertThat(video.get("download_url").asString())
                .as("an S3 presigned GET, not the service")
                .startsWith("http://127.0.0.1:" + storeLink.port() + "/")
                .contains("X-Amz-Signature=");

        JsonNode announced = finalVideo(completedEvent(fast).get("data").get("manifest"));
        assertThat(announced.get("sha256").asString())
                .isEqualTo(video.get("sha256").asString());
        Downloads.assertServedWithoutToken(announced);

        var throughApi = api.getBytes("/v1/assets/" + video.get("asset_id").asString());
        assertThat(throughApi.statusCode())
                .as("the API reads what a worker wrote")
                .isEqualTo(200);
        assertThat(throughApi.body()).isEqualTo(bytes);

        assertThat(apiDataDir.resolve("assets")).doesNotExist();
        for (Path workerDir : workerDataDirs) {
            assertThat(workerDir.resolve("assets"))
                    .as("no asset is written to a worker's disk")
                    .doesNotExist();
            assertThat(videosIn(workerDir.resolve("tmp")))
                    .as("clips and videos are encoded and stitched in local files, deleted once stored")
                    .isEmpty();
        }
    }

    private static List<Path> videosIn(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mp4"))
                    .toList();
        }
    }

    @Test
    void theStoreStoppedMidJobFailsAStepRetryablyAndTheJobSucceedsOnceItIsBackWithNoStepSucceedingTwice()
            throws Exception {
        storeLink.cut();
        try {
            ApiClient.Response refused =
                    api.upload("file", "late.png", "image/png", TestImages.png(48, 48, new Color((int)
                            (System.nanoTime() & 0xFFFFFF))));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("code").asString()).isEqualTo("STORAGE_UNAVAILABLE");
        } finally {
            storeLink.restore();
        }
        // a second server on the same objects, up before the job, to come back as: a restart that takes no time, so
        // the store is back (the link restored) as soon as a step has failed, well within the step's retries
        S3ProxyServer standby = S3ProxyServer.start(s3Directory);
        String id = submit(fastVideo(product("kiln-outage")));
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !api.get("/v1/jobs/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("queued"));

        storeLink.cut();
        try {
            s3.stop();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> unavailableAttempts(api.get("/v1/jobs/" + id).json()) > 0);
        } finally {
            storeLink.retarget(standby.port());
            s3 = standby;
            storeLink.restore();
        }

        JsonNode job = finished(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        Map<String, Integer> succeeded = new HashMap<>();
        List<JsonNode> unavailable = new ArrayList<>();
        for (JsonNode step : job.get("steps")) {
            String slot = step.get("stage").asString() + "#" + step.get("scene_order");
            if (List.of("succeeded", "reused").contains(step.get("status").asString())) {
                succeeded.merge(slot, 1, Integer::sum);
            }
            if (step.get("error") != null
                    && !step.get("error").isNull()
                    && step.get("error").get("code").asString().equals("STORAGE_UNAVAILABLE")) {
                unavailable.add(step);
            }
        }
        assertThat(succeeded.values())
                .as("no step succeeds twice: %s", succeeded)
                .containsOnly(1);
        assertThat(unavailable).isNotEmpty();
        for (JsonNode failed : unavailable) {
            assertThat(failed.get("status").asString()).isEqualTo("failed");
            assertThat(failed.get("error").get("retryable").asBoolean()).isTrue();
            String slot = failed.get("stage").asString() + "#" + failed.get("scene_order");
            assertThat(succeeded)
                    .as("the failed step %s was tried again and succeeded", slot)
                    .containsKey(slot);
        }
        Downloads.assertServedWithoutToken(finalVideo(job.get("manifest")));
    }

    private static long unavailableAttempts(JsonNode job) {
        long count = 0;
        for (JsonNode step : job.get("steps")) {
            JsonNode error = step.get("error");
            if (error != null && !error.isNull() && error.get("code").asString().equals("STORAGE_UNAVAILABLE")) {
                count++;
            }
        }
        return count;
    }
}
