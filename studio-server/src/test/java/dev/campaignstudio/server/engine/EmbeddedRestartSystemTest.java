package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CallbackReceiver;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The embedded service (H2 file, in-process queues) is killed with SIGKILL while a step runs, and started again on the
 * same data directory. It redoes the killed step at once: the process before it is gone for sure, so its steps are not
 * left to their leases, which here last ten minutes, far past the test's deadline.
 */
class EmbeddedRestartSystemTest {

    private static final String LEASE = "10m";
    private final List<Process> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(Process::destroyForcibly);
    }

    private Process start(String name, Path dataDir, int port, Path invocations, String renderDelay) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), TestServiceMain.class.getName(),
                "--studio.data-dir=" + dataDir, "--server.port=" + port, "--studio.api.tokens=restart-token",
                "--studio.engine.lease=" + LEASE, "--studio.engine.heartbeat=1s", "--studio.engine.sweep-interval=1s",
                "--studio.test.invocations-file=" + invocations, "--studio.test.render-delay=" + renderDelay, "--studio.test.slow-scene=3"));
        File log = Path.of("target", "embedded-restart-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        services.add(process);
        return process;
    }

    private static void awaitUp(ApiClient api) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> api.get("/v1/jobs").status() == 200);
    }

    private static List<JsonNode> renders(JsonNode job, int scene) {
        return job.get("steps").valueStream()
                .filter(s -> s.get("stage").asString().equals("render") && s.get("scene_order").asInt() == scene).toList();
    }

    @Test
    void aRestartOnTheSameDataDirectoryRedoesTheKilledProcessesStepWithoutWaitingForItsLease() throws Exception {
        Path dataDir = Files.createTempDirectory("studio-embedded-restart");
        Path invocations = Files.createTempFile("studio-restart-invocations", ".log");
        int port = CallbackReceiver.freePort();
        ApiClient api = new ApiClient(port, "restart-token");

        Process first = start("a", dataDir, port, invocations, "120s");
        awaitUp(api);
        String id = api.postJson("/v1/jobs", RequestFixture.creation().with("idempotency_key", "restart-1").tree()).json().get("id").asString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> renders(api.get("/v1/jobs/" + id).json(), 3).stream().anyMatch(s -> s.get("status").asString().equals("running")));
        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        start("b", dataDir, port, invocations, "0ms");
        awaitUp(api);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));

        JsonNode job = api.get("/v1/jobs/" + id).json();
        List<JsonNode> sceneThree = renders(job, 3);
        assertThat(sceneThree).extracting(s -> s.get("status").asString()).containsExactly("failed", "succeeded");
        assertThat(sceneThree.get(0).get("error").get("code").asString()).isEqualTo("WORKER_LOST");
        assertThat(Files.readAllLines(invocations, StandardCharsets.UTF_8)).filteredOn("render#3"::equals).as("killed, then redone").hasSize(2);
    }
}
