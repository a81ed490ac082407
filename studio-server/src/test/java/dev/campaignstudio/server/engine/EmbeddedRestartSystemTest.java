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
 * The embedded service (H2 file, in-process queues) is ended while a step runs, and started again on the same data
 * directory; it redoes the step at once, though leases here last ten minutes, far past the test's deadlines. Killed
 * (SIGKILL): the new process knows the one before it is gone for sure and gives up its steps at start. Stopped (SIGTERM):
 * the process tells its running step to stop and hands it back before it exits.
 */
class EmbeddedRestartSystemTest {

    private static final String LEASE = "10m";
    private final List<Process> services = new ArrayList<>();
    private Path invocations;

    @AfterEach
    void stop() {
        services.forEach(Process::destroyForcibly);
    }

    private Process start(String name, Path dataDir, int port, Path invocations, String renderDelay) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                TestServiceMain.class.getName(),
                "--studio.data-dir=" + dataDir,
                "--server.port=" + port,
                "--studio.api.tokens=restart-token",
                "--studio.engine.lease=" + LEASE,
                "--studio.engine.heartbeat=1s",
                "--studio.engine.sweep-interval=1s",
                "--studio.test.invocations-file=" + invocations,
                "--studio.test.render-delay=" + renderDelay,
                "--studio.test.slow-scene=3"));
        File log = Path.of("target", "embedded-restart-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        services.add(process);
        return process;
    }

    private static void awaitUp(ApiClient api) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> api.get("/v1/jobs").status() == 200);
    }

    private static boolean onlySceneThreeRuns(JsonNode job) {
        List<String> done = job.get("steps")
                .valueStream()
                .filter(s -> s.get("status").asString().equals("succeeded"))
                .map(s -> s.get("stage").asString() + "#" + s.get("scene_order").asInt())
                .toList();
        return done.containsAll(List.of(
                        "render#1", "render#2", "render#4", "render#5", "voice#1", "voice#2", "voice#4", "voice#5"))
                && job.get("steps")
                        .valueStream()
                        .filter(s -> s.get("status").asString().equals("running"))
                        .map(s -> s.get("stage").asString() + "#"
                                + s.get("scene_order").asInt())
                        .toList()
                        .equals(List.of("render#3"));
    }

    private static List<JsonNode> renders(JsonNode job, int scene) {
        return job.get("steps")
                .valueStream()
                .filter(s -> s.get("stage").asString().equals("render")
                        && s.get("scene_order").asInt() == scene)
                .toList();
    }

    /** Runs a job in a first process until its scene 3 render runs, ends that process as {@code end} says, and finishes it in a second. */
    private JsonNode interruptedAndFinished(String name, java.util.function.Consumer<Process> end) throws Exception {
        Path dataDir = Files.createTempDirectory("studio-embedded-restart");
        invocations = Files.createTempFile("studio-restart-invocations", ".log");
        int port = CallbackReceiver.freePort();
        ApiClient api = new ApiClient(port, "restart-token");

        Process first = start(name + "-a", dataDir, port, invocations, "120s");
        awaitUp(api);
        String id = api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation()
                                .with("idempotency_key", "restart-1")
                                .tree())
                .json()
                .get("id")
                .asString();
        // ended once scene 3's render is all that runs: the database is quiet but for its heartbeat
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> onlySceneThreeRuns(api.get("/v1/jobs/" + id).json()));
        end.accept(first);
        first.waitFor();

        start(name + "-b", dataDir, port, invocations, "0ms");
        awaitUp(api);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/v1/jobs/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("succeeded"));
        return api.get("/v1/jobs/" + id).json();
    }

    private long renderThreeRuns() throws Exception {
        return Files.readAllLines(invocations, StandardCharsets.UTF_8).stream()
                .filter("render#3"::equals)
                .count();
    }

    @Test
    void aRestartOnTheSameDataDirectoryRedoesTheKilledProcessesStepWithoutWaitingForItsLease() throws Exception {
        JsonNode job = interruptedAndFinished("killed", Process::destroyForcibly);

        List<JsonNode> sceneThree = renders(job, 3);
        assertThat(sceneThree).extracting(s -> s.get("status").asString()).containsExactly("failed", "succeeded");
        assertThat(sceneThree.get(0).get("error").get("code").asString()).isEqualTo("WORKER_LOST");
        assertThat(sceneThree.get(0).get("error").get("message").asString()).contains("ended before it finished");
        assertThat(renderThreeRuns()).as("killed, then redone").isEqualTo(2);
    }

    @Test
    void aServiceStoppedGracefullyHandsItsRunningStepBackBeforeItExits() throws Exception {
        JsonNode job = interruptedAndFinished("stopped", Process::destroy);

        List<JsonNode> sceneThree = renders(job, 3);
        assertThat(sceneThree).extracting(s -> s.get("status").asString()).containsExactly("failed", "succeeded");
        assertThat(sceneThree.get(0).get("error").get("code").asString()).isEqualTo("WORKER_LOST");
        assertThat(sceneThree.get(0).get("error").get("message").asString())
                .as("handed back at shutdown, not recovered at the restart")
                .contains("shut down while running");
        assertThat(renderThreeRuns()).isEqualTo(2);
    }
}
