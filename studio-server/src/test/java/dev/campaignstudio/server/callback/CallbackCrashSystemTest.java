package dev.campaignstudio.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.engine.TestServiceMain;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CallbackReceiver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service (embedded: H2 file, in-process queues) runs jobs whose events are committed but not delivered (it does
 * not serve the callbacks queue), and is killed with SIGKILL. Started again on the same data directory, serving
 * callbacks, it delivers every event, once each, in order.
 */
class CallbackCrashSystemTest {

    private final List<Process> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(Process::destroyForcibly);
    }

    private Process start(String name, Path dataDir, int port, String queues) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                TestServiceMain.class.getName(),
                "--studio.data-dir=" + dataDir,
                "--server.port=" + port,
                "--studio.api.tokens=crash-token",
                "--studio.callbacks.secrets.default=" + CallbackFixtures.SECRET,
                "--studio.callbacks.initial-backoff=50ms",
                "--studio.outbound.allow-loopback=true",
                "--studio.engine.queues=" + queues));
        File log = Path.of("target", "callback-crash-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        services.add(process);
        return process;
    }

    private static void awaitUp(ApiClient api) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> api.get("/v1/jobs").status() == 200);
    }

    @Test
    void eventsCommittedBeforeAKillAreDeliveredAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("studio-callback-crash");
        int port = CallbackReceiver.freePort();
        ApiClient api = new ApiClient(port, "crash-token");
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 0).start()) {
            Process first = start("a", dataDir, port, "marketing,avatar,retry,maintenance");
            awaitUp(api);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jobs.add(api.postJson(
                                "/v1/jobs",
                                RequestFixture.creation()
                                        .with("idempotency_key", "crash-cb-" + i)
                                        .with("callback.url", receiver.url("/hooks"))
                                        .tree())
                        .json()
                        .get("id")
                        .asString());
            }
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> jobs.stream()
                            .allMatch(id -> api.get("/v1/jobs/" + id)
                                    .json()
                                    .get("status")
                                    .asString()
                                    .equals("succeeded")));
            long[] totals = jobs.stream()
                    .mapToLong(id -> api.get("/v1/jobs/" + id + "/events")
                            .json()
                            .get("items")
                            .size())
                    .toArray();
            assertThat(receiver.acknowledged())
                    .as("nothing is delivered while no process serves callbacks")
                    .isEmpty();

            first.destroyForcibly().waitFor();
            assertThat(first.exitValue()).isEqualTo(137);

            start("b", dataDir, port, "marketing,avatar,retry,maintenance,callbacks");
            awaitUp(api);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> receiver.acknowledged().size()
                            == LongStream.of(totals).sum());
            assertThat(receiver.badSignatures()).isZero();
            for (int i = 0; i < jobs.size(); i++) {
                assertThat(receiver.acknowledged(jobs.get(i)))
                        .extracting(CallbackReceiver.Received::sequence)
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, totals[i]).boxed().toList());
            }
        }
    }
}
