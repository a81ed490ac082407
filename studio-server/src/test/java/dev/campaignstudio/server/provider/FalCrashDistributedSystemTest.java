package dev.campaignstudio.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.providers.fixtures.FakeFal;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.engine.TestWorkerMain;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.Samples;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A worker JVM running a {@code fast_video} job on fal is killed with SIGKILL while it polls a scene's video request; a
 * second worker finishes the job. The fake queue counts submits: exactly one video request per scene, so the attempt
 * after the crash polled the request the killed one had noted instead of paying for another, and nothing was cancelled.
 * This JVM is the API only.
 */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FalCrashDistributedSystemTest {

    private static final String KEY = "fal-id:SECRET_crash_31";
    private static Distributed environment;
    private static Path dataDir;
    private static FakeFal fal;
    private final List<Process> workers = new ArrayList<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        dataDir = Files.createTempDirectory("studio-fal-crash");
    }

    @AfterAll
    static void cleanUp() {
        if (environment != null) {
            environment.deleteQueues();
        }
        if (fal != null) {
            fal.close();
        }
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (Process worker : workers) {
            worker.destroyForcibly().waitFor();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String property : common()) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("studio.api.tokens", () -> "crash-token");
        registry.add("studio.engine.queues", () -> "");
    }

    private static List<String> common() {
        List<String> properties = new ArrayList<>(environment.properties(Distributed.RABBIT_PORT));
        properties.add("studio.data-dir=" + dataDir);
        properties.add("studio.stages.image-long-side=320");
        properties.add("studio.stages.video-long-side=256");
        properties.add("studio.stages.fps=10");
        return properties;
    }

    private Process startWorker(String name, String queues) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                TestWorkerMain.class.getName(),
                "--real-pipelines"));
        common().forEach(p -> command.add("--" + p));
        command.add("--studio.engine.queues=" + queues);
        command.add("--studio.engine.lease=2s");
        command.add("--studio.engine.heartbeat=300ms");
        command.add("--studio.engine.sweep-interval=500ms");
        command.add("--spring.flyway.enabled=false");
        command.add("--studio.outbound.allow-loopback=true");
        command.add("--studio.providers.fal.base-url=" + fal.url());
        command.add("--studio.providers.fal.api-key=" + KEY);
        command.add("--studio.providers.fal.poll-interval=50ms");
        command.add("--studio.capabilities.image=fal");
        command.add("--studio.capabilities.video=fal");
        File log = Path.of("target", "fal-crash-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        workers.add(process);
        return process;
    }

    @Test
    void aWorkerKilledWhilePollingLeavesOneVideoRequestPerSceneAndTheNextWorkerPollsIt() throws Exception {
        fal = new FakeFal(KEY).images(VendorRenders::image).videos(VendorRenders::video);
        fal.hold = true;
        fal.heldPolls = new CountDownLatch(3);
        Process first = startWorker("a", "marketing,retry");
        ApiClient api = new ApiClient(port, "crash-token");
        Map<String, Object> product = Samples.uploaded(api, "kiln-mug");
        product.put("product_id", "kiln-fal-crash-" + System.nanoTime());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "fal-crash-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "fast_video");
        tree.put("prompt", "Cosy autumn evenings");
        tree.put("settings", Map.of("duration_s", 5, "scene_count", 2));
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        assertThat(fal.heldPolls.await(180, TimeUnit.SECONDS))
                .as("the first worker polls a held video request")
                .isTrue();
        int submittedBeforeKill = fal.submitted("video");
        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(submittedBeforeKill).isBetween(1, 2);

        fal.hold = false;
        startWorker("b", "marketing,retry,maintenance");
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> List.of("succeeded", "failed")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));

        JsonNode job = api.get("/v1/jobs/" + id).json();
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(fal.submitted("video"))
                .as("one video request per scene, the crash notwithstanding")
                .isEqualTo(2);
        assertThat(fal.cancels).isEmpty();
        assertThat(fal.violations).isEmpty();
        List<JsonNode> lost = job.get("steps")
                .valueStream()
                .filter(s -> s.get("stage").asString().equals("scene_video")
                        && s.get("status").asString().equals("failed"))
                .toList();
        assertThat(lost)
                .as("the killed attempts")
                .isNotEmpty()
                .allMatch(s -> s.get("error").get("code").asString().equals("WORKER_LOST"));
        // a scene whose request was noted before the kill is finished by polling that request; the others submit theirs
        List<JsonNode> finished = job.get("steps")
                .valueStream()
                .filter(s -> s.get("stage").asString().equals("scene_video")
                        && s.get("status").asString().equals("succeeded"))
                .toList();
        assertThat(finished).hasSize(2);
        long resumed = finished.stream()
                .filter(s -> s.get("attempt").asInt() > 1
                        && s.get("outputs")
                                .get("provider_calls")
                                .valueStream()
                                .noneMatch(
                                        call -> call.get("operation").asString().equals("queue/submit")))
                .count();
        assertThat(resumed)
                .as("attempts after the crash that polled the noted request")
                .isEqualTo(submittedBeforeKill);
    }
}
