package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.core.fixtures.TestPipelines.CountingHandlers;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The sample test pipeline through the whole service in embedded mode: H2 and in-process queues. */
@SpringBootTest(
        classes = {StudioApplication.class, TestPipelineConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineEmbeddedSystemTest {

    @LocalServerPort
    int port;

    @Autowired
    CountingHandlers counting;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-engine-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "engine-token");
        registry.add("studio.engine.heartbeat", () -> "100ms");
        registry.add("studio.engine.lease", () -> "3s");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "engine-token");
    }

    private String submit() {
        ApiClient.Response created = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "engine-" + UUID.randomUUID())
                        .tree());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/v1/jobs/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals(status));
        return api.get("/v1/jobs/" + id).json();
    }

    @Test
    void samplePipelineCompletesAndEveryStepIsVisible() {
        int rendersBefore = counting.count("render");
        int flakyBefore = counting.count("flaky");
        String id = submit();
        JsonNode job = awaitStatus(id, "succeeded");

        assertThat(counting.count("render") - rendersBefore).isEqualTo(TestPipelines.SCENES);
        assertThat(counting.count("flaky") - flakyBefore).isEqualTo(3);
        JsonNode steps = job.get("steps");
        assertThat(steps.valueStream()
                        .filter(s -> s.get("stage").asString().equals("render")
                                && s.get("status").asString().equals("succeeded"))
                        .count())
                .isEqualTo(TestPipelines.SCENES);
        assertThat(steps.valueStream()
                        .filter(s -> s.get("stage").asString().equals("flaky"))
                        .map(s -> s.get("status").asString()))
                .containsExactly("failed", "failed", "succeeded");
        JsonNode firstFlaky = steps.valueStream()
                .filter(s -> s.get("stage").asString().equals("flaky"))
                .findFirst()
                .orElseThrow();
        assertThat(firstFlaky.get("error").get("code").asString()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(steps.get(0).get("stage").asString())
                .as("steps come in pipeline order")
                .isEqualTo("plan");
        assertThat(job.get("started_at").isNull()).isFalse();

        JsonNode output = job.get("manifest").get("outputs").get(0);
        assertThat(output.get("role").asString()).isEqualTo("final_output");
        var bytes = api.getBytes(output.get("url").asString());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(new String(bytes.body())).isEqualTo("assembled 5 scenes");
    }

    @Test
    void cancellingStopsTheJob() {
        counting.renderTaking(Duration.ofSeconds(10));
        try {
            String id = submit();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/v1/jobs/" + id)
                            .json()
                            .get("steps")
                            .valueStream()
                            .anyMatch(s -> s.get("stage").asString().equals("render")
                                    && s.get("status").asString().equals("running")));
            ApiClient.Response cancel = api.postJson("/v1/jobs/" + id + "/cancel", "");
            assertThat(cancel.status()).isEqualTo(202);
            assertThat(cancel.json().get("cancel_requested").asBoolean()).isTrue();
            JsonNode job = awaitStatus(id, "cancelled");
            assertThat(job.get("steps").valueStream().map(s -> s.get("status").asString()))
                    .doesNotContain("running", "pending");
            assertThat(api.postJson("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(409);
        } finally {
            counting.renderTaking(Duration.ZERO);
        }
    }
}
