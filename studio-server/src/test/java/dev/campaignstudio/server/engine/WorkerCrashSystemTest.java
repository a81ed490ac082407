package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A worker JVM is killed with SIGKILL while a step runs; a second worker JVM finishes the job. Every step that had
 * succeeded before the kill ran exactly once (invocations are counted in a file both workers append to), the killed
 * step ran again, and the output is complete. This JVM is the API only: it serves no queue.
 */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(
        classes = {StudioApplication.class, TestPipelineConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerCrashSystemTest {

    private static Distributed environment;
    private static Path invocations;
    private final List<Process> workers = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        invocations = Files.createTempFile("studio-invocations", ".log");
    }

    @AfterAll
    static void cleanUp() {
        if (environment != null) {
            environment.deleteQueues();
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-crash-api").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "crash-token");
        registry.add("studio.engine.queues", () -> "");
        for (String property : environment.properties(Distributed.RABBIT_PORT)) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
    }

    private Process startWorker(String name, String queues, Map<String, String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                TestWorkerMain.class.getName()));
        for (String property : environment.properties(Distributed.RABBIT_PORT)) {
            command.add("--" + property);
        }
        command.add("--studio.data-dir=" + Files.createTempDirectory("studio-crash-" + name));
        command.add("--studio.engine.queues=" + queues);
        command.add("--studio.engine.lease=2s");
        command.add("--studio.engine.heartbeat=300ms");
        command.add("--studio.engine.sweep-interval=500ms");
        command.add("--studio.engine.concurrency.marketing=2");
        command.add("--studio.test.invocations-file=" + invocations);
        command.add("--spring.flyway.enabled=false");
        extra.forEach((k, v) -> command.add("--" + k + "=" + v));
        File log = Path.of("target", "crash-test-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        workers.add(process);
        return process;
    }

    private Map<String, Long> invocationCounts() throws Exception {
        return Files.readAllLines(invocations, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<String> succeededSlots(String jobId) {
        return jdbc.sql("SELECT stage, scene_order FROM steps WHERE job_id = :job AND status = 'succeeded'")
                .param("job", jobId)
                .query((rs, row) -> rs.getInt("scene_order") == 0
                        ? rs.getString("stage")
                        : rs.getString("stage") + "#" + rs.getInt("scene_order"))
                .list();
    }

    @Test
    void aSecondWorkerFinishesTheJobOfAKilledOneAndNothingThatSucceededRunsTwice() throws Exception {
        Process first = startWorker(
                "a",
                "marketing,avatar,retry",
                Map.of("studio.test.render-delay", "120s", "studio.test.slow-scene", "3"));
        ApiClient api = new ApiClient(port, "crash-token");
        String id = api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation()
                                .with("idempotency_key", "crash-1")
                                .tree())
                .json()
                .get("id")
                .asString();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<String> done = succeededSlots(id);
                    return done.containsAll(List.of(
                                    "render#1",
                                    "render#2",
                                    "render#4",
                                    "render#5",
                                    "voice#1",
                                    "voice#2",
                                    "voice#4",
                                    "voice#5"))
                            && jdbc.sql(
                                                    "SELECT COUNT(*) FROM steps WHERE job_id = :job AND stage = 'render' AND scene_order = 3 AND status = 'running'")
                                            .param("job", id)
                                            .query(Long.class)
                                            .single()
                                    == 1;
                });
        List<String> succeededBeforeKill = succeededSlots(id);
        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(invocationCounts()).containsEntry("render#3", 1L);

        startWorker("b", "marketing,avatar,retry,maintenance", Map.of());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/v1/jobs/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("succeeded"));

        Map<String, Long> counts = invocationCounts();
        for (String slot : succeededBeforeKill) {
            assertThat(counts.get(slot))
                    .as("%s succeeded before the kill and must not run again", slot)
                    .isEqualTo(1L);
        }
        assertThat(counts.get("render#3"))
                .as("the killed step ran again on the second worker")
                .isEqualTo(2L);
        JsonNode job = api.get("/v1/jobs/" + id).json();
        List<JsonNode> renderThree = job.get("steps")
                .valueStream()
                .filter(s -> s.get("stage").asString().equals("render")
                        && s.get("scene_order").asInt() == 3)
                .toList();
        assertThat(renderThree).extracting(s -> s.get("status").asString()).containsExactly("failed", "succeeded");
        assertThat(renderThree.get(0).get("error").get("code").asString()).isEqualTo("WORKER_LOST");
        assertThat(job.get("manifest").get("outputs").get(0).get("role").asString())
                .isEqualTo("final_output");
        assertThat(job.get("manifest").get("stages").size()).isEqualTo(1 + 2 * TestPipelines.SCENES + 2);
    }
}
