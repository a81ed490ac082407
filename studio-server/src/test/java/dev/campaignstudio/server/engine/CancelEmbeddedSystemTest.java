package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.engine.StepStopped;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.ObservedHeartbeats;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.ShiftedClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Cancelling a job, and a stage running out of time, while a step is exactly where it hurt: inside the database work of
 * a fidelity-loop note, or inside a video encode. Embedded default: H2 file, in-process queues, local media. Afterwards
 * the service still answers, a new job succeeds, the stopped step ends {@code STOPPED} (or {@code STEP_TIMEOUT}) and
 * nothing ends {@code WORKER_LOST}, and readiness says UP. The clock jumps to pass a stage's time limit, so this
 * process runs no maintenance sweep (a jump must not age leases behind the heartbeat's back).
 */
@SpringBootTest(
        classes = {StudioApplication.class, CancelEmbeddedSystemTest.Controls.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CancelEmbeddedSystemTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    GatedMedia gated;

    @Autowired
    ObservedHeartbeats heartbeats;

    @Autowired
    ShiftedClock clock;

    ApiClient api;
    Map<String, Object> product;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-cancel-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "cancel-token");
        registry.add("studio.stages.image-long-side", () -> "256");
        registry.add("studio.stages.video-long-side", () -> "160");
        registry.add("studio.stages.fps", () -> "8");
        registry.add("studio.capabilities.fidelity", () -> GatedMedia.NAME);
        registry.add("studio.capabilities.video", () -> GatedMedia.NAME);
        registry.add("studio.engine.heartbeat", () -> "100ms");
        registry.add("studio.engine.lease", () -> "5s");
        registry.add("studio.engine.queues", () -> "marketing,avatar,retry");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "cancel-token");
        product = Samples.uploaded(api, "aurora-bottle");
    }

    @AfterEach
    void letGo() {
        gated.noteWrite.release();
        gated.encode.release();
    }

    private String submit(String mode, int scenes) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "cancel-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", mode);
        tree.put("prompt", "Launch day");
        tree.put(
                "settings",
                mode.equals("fast_video")
                        ? Map.of("scene_count", scenes, "duration_s", 5)
                        : Map.of("scene_count", scenes));
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitEnded(String id) {
        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("succeeded", "failed", "cancelled")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        return api.get("/v1/jobs/" + id).json();
    }

    private void cancelAndAwaitTheWatchdog(String id) {
        ApiClient.Response cancel = api.postJson("/v1/jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(202);
        Instant cancelled = Instant.now();
        await().atMost(LIMIT).until(() -> heartbeats.beatSince(cancelled));
    }

    /** The service still works: lists jobs, says it is ready, and runs a new job to the end. */
    private void assertServiceStillWorks() {
        assertThat(api.get("/v1/jobs").status()).isEqualTo(200);
        ApiClient.Response health = api.get("/actuator/health/readiness");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        String next = submit("image_bundle", 1);
        JsonNode job = awaitEnded(next);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
    }

    private static List<JsonNode> steps(JsonNode job, String stage) {
        return job.get("steps")
                .valueStream()
                .filter(s -> s.get("stage").asString().equals(stage))
                .toList();
    }

    private static List<String> errorCodes(JsonNode job) {
        return job.get("steps")
                .valueStream()
                .filter(s -> s.get("error") != null && !s.get("error").isNull())
                .map(s -> s.get("error").get("code").asString())
                .toList();
    }

    /** Moves the clock past every stage's time limit and waits until the watchdogs have seen it. */
    private void passTheTimeLimitAndAwaitTheWatchdog() {
        clock.jump(StageDefinition.DEFAULT_TIMEOUT.plusMinutes(1));
        Instant jumped = Instant.now();
        await().atMost(LIMIT).until(() -> heartbeats.beatSince(jumped));
    }

    private static JsonNode only(List<JsonNode> steps, String status) {
        List<JsonNode> found = steps.stream()
                .filter(s -> s.get("status").asString().equals(status))
                .toList();
        assertThat(found).as("one %s step in %s", status, steps).hasSize(1);
        return found.get(0);
    }

    @Test
    void cancellingWhileAFidelityNoteIsBeingWrittenStopsTheStepAndLeavesTheDatabaseWorking() throws Exception {
        gated.noteWrite.arm();
        String id = submit("image_bundle", 1);
        gated.noteWrite.awaitHeld(LIMIT);
        cancelAndAwaitTheWatchdog(id);
        gated.noteWrite.release();

        JsonNode job = awaitEnded(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("cancelled");
        List<JsonNode> sceneImage = steps(job, "scene_image");
        assertThat(sceneImage).hasSize(1);
        assertThat(sceneImage.get(0).get("status").asString()).isEqualTo("failed");
        assertThat(sceneImage.get(0).get("error").get("code").asString()).isEqualTo("STOPPED");
        assertThat(errorCodes(job)).doesNotContain("WORKER_LOST");
        assertServiceStillWorks();
    }

    @Test
    void aStageTimingOutWhileAFidelityNoteIsBeingWrittenIsRetriedAndTheJobSucceeds() throws Exception {
        gated.noteWrite.arm();
        String id = submit("image_bundle", 1);
        gated.noteWrite.awaitHeld(LIMIT);
        passTheTimeLimitAndAwaitTheWatchdog();
        gated.noteWrite.release();

        JsonNode job = awaitEnded(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        List<JsonNode> sceneImage = steps(job, "scene_image");
        assertThat(only(sceneImage, "failed").get("error").get("code").asString())
                .isEqualTo("STEP_TIMEOUT");
        only(sceneImage, "succeeded");
        assertThat(errorCodes(job)).doesNotContain("WORKER_LOST");
        assertServiceStillWorks();
    }

    @Test
    void cancellingDuringAVideoEncodeStopsTheEncodeAtItsNextFrame() throws Exception {
        gated.encodeEnded = new CompletableFuture<>();
        gated.encode.arm();
        String id = submit("fast_video", 2);
        gated.encode.awaitHeld(LIMIT);
        cancelAndAwaitTheWatchdog(id);
        gated.encode.release();

        assertThat(gated.encodeEnded.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                .as("the encode's end")
                .isInstanceOf(StepStopped.class);
        JsonNode job = awaitEnded(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("cancelled");
        assertThat(steps(job, "scene_video"))
                .extracting(s -> s.get("error").isNull()
                        ? ""
                        : s.get("error").get("code").asString())
                .contains("STOPPED");
        assertThat(errorCodes(job)).doesNotContain("WORKER_LOST");
        assertServiceStillWorks();
    }

    @Test
    void aStageTimingOutDuringAVideoEncodeStopsTheEncodeAndIsRetried() throws Exception {
        gated.encodeEnded = new CompletableFuture<>();
        gated.encode.arm();
        String id = submit("fast_video", 2);
        gated.encode.awaitHeld(LIMIT);
        passTheTimeLimitAndAwaitTheWatchdog();
        gated.encode.release();

        assertThat(gated.encodeEnded.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                .as("the encode's end")
                .isInstanceOf(StepStopped.class);
        JsonNode job = awaitEnded(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(errorCodes(job)).contains("STEP_TIMEOUT").doesNotContain("WORKER_LOST", "STOPPED");
        assertServiceStillWorks();
    }

    /** The test's controls: the gated adapter, a job repository that reports locks to it, observed heartbeats, a clock that jumps. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Controls {

        @Bean
        GatedMedia gatedMedia(LocalMedia local) {
            return new GatedMedia(local);
        }

        @Bean
        @Primary
        ObservedHeartbeats observedHeartbeats() {
            return new ObservedHeartbeats();
        }

        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }

        @Bean
        static BeanPostProcessor reportLocks(ObjectProvider<GatedMedia> gated) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof JobRepository jobs)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(
                            JobRepository.class.getClassLoader(),
                            new Class<?>[] {JobRepository.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("lock")) {
                                    gated.getObject().locking();
                                }
                                try {
                                    return method.invoke(jobs, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }
}
