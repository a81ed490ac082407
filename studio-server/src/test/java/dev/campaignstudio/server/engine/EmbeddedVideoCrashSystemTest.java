package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.CallbackFixtures;
import dev.campaignstudio.server.adapter.in.cli.StudioCli;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CallbackReceiver;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.VideoProbe;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default as a user runs it ({@code studio serve}: the application's own command line in a child JVM,
 * H2 file and in-process queues under one data directory, the real local media adapters) is killed with SIGKILL while
 * a scene of a fast video is being encoded, and started again on the same data directory. The job finishes, no step
 * succeeds twice, the video decodes, and every event of the job reaches a loopback callback receiver, correctly signed.
 * See docs/engine.md (workers and leases) and docs/callbacks.md.
 */
class EmbeddedVideoCrashSystemTest {

    private static final String TOKEN = "video-crash-token";
    private final List<Process> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(Process::destroyForcibly);
    }

    private Process serve(String name, Path dataDir, int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dstudio.api.tokens=" + TOKEN,
                "-Dstudio.callbacks.secrets.default=" + CallbackFixtures.SECRET,
                "-Dstudio.callbacks.initial-backoff=50ms",
                "-Dstudio.outbound.allow-loopback=true",
                "-Dstudio.stages.image-long-side=320",
                "-Dstudio.stages.video-long-side=480",
                "-Dstudio.stages.fps=24",
                "-cp",
                System.getProperty("java.class.path"),
                StudioCli.class.getName(),
                "serve",
                "--port=" + port,
                "--data-dir=" + dataDir));
        File log = Path.of("target", "embedded-video-crash-" + name + ".log").toFile();
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

    private static boolean encoding(JsonNode job) {
        return job.get("steps")
                .valueStream()
                .anyMatch(s -> s.get("stage").asString().equals("scene_video")
                        && s.get("status").asString().equals("running"));
    }

    @Test
    void aServeProcessKilledWhileEncodingFinishesTheVideoAfterARestartWithEveryEventDelivered() throws Exception {
        Path dataDir = Files.createTempDirectory("studio-video-crash");
        int port = CallbackReceiver.freePort();
        ApiClient api = new ApiClient(port, TOKEN);
        try (CallbackReceiver receiver = new CallbackReceiver(CallbackFixtures.SECRET, 0, 0).start()) {
            Process first = serve("a", dataDir, port);
            awaitUp(api);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("contract_version", 2);
            request.put("job_type", "marketing_output");
            request.put("idempotency_key", "video-crash-1");
            request.put("product", Samples.uploaded(api, "aurora-bottle"));
            request.put("mode", "fast_video");
            request.put("prompt", "Summer launch: bright, upbeat, beach vibes");
            request.put("settings", Map.of("duration_s", 8, "scene_count", 2));
            request.put("callback", Map.of("url", receiver.url("/hooks")));
            ApiClient.Response created = api.postJson("/v1/jobs", request);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> encoding(api.get("/v1/jobs/" + id).json()));
            first.destroyForcibly().waitFor();
            assertThat(first.exitValue()).as("killed, not stopped").isEqualTo(137);

            serve("b", dataDir, port);
            awaitUp(api);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> api.get("/v1/jobs/" + id).json().get("status").asString(),
                            status -> !status.equals("queued") && !status.equals("running"));
            JsonNode job = api.get("/v1/jobs/" + id).json();
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");

            List<JsonNode> steps = job.get("steps").valueStream().toList();
            Map<String, Long> successes = steps.stream()
                    .filter(s -> s.get("status").asString().equals("succeeded"))
                    .collect(Collectors.groupingBy(
                            s -> s.get("stage").asString() + "#"
                                    + s.get("scene_order").asInt(),
                            Collectors.counting()));
            assertThat(successes)
                    .as("no step succeeded twice")
                    .allSatisfy((step, n) -> assertThat(n).as(step).isOne());
            assertThat(steps)
                    .as("the encode the kill cut off was given up and redone")
                    .anySatisfy(s -> {
                        assertThat(s.get("stage").asString()).isEqualTo("scene_video");
                        assertThat(s.get("status").asString()).isEqualTo("failed");
                        assertThat(s.get("error").get("code").asString()).isEqualTo("WORKER_LOST");
                    });

            JsonNode video = job.get("manifest")
                    .get("outputs")
                    .valueStream()
                    .filter(o -> o.get("role").asString().equals("final_video"))
                    .findFirst()
                    .orElseThrow();
            VideoProbe probe =
                    VideoProbe.of(api.getBytes(video.get("url").asString()).body());
            assertThat(probe.seconds()).isBetween(7.8, 8.2);
            assertThat(probe.height()).isEqualTo(480);

            long events =
                    api.get("/v1/jobs/" + id + "/events").json().get("items").size();
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> receiver.acknowledged(id).stream()
                                    .map(CallbackReceiver.Received::sequence)
                                    .distinct()
                                    .count()
                            == events);
            Map<Long, CallbackReceiver.Received> bySequence = receiver.acknowledged(id).stream()
                    .collect(Collectors.toMap(CallbackReceiver.Received::sequence, Function.identity(), (a, b) -> a));
            assertThat(bySequence.keySet())
                    .as("every event, none missing")
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, events).boxed().toList());
            assertThat(bySequence.get(events).type()).isEqualTo("completed");
            assertThat(receiver.badSignatures()).isZero();
        }
    }
}
