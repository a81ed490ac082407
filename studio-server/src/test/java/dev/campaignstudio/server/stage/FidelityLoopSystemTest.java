package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The fidelity loop on real pixels, embedded: at full creative variation the local renderer drifts the product, the
 * local checker catches it and the loop regenerates until every scene is faithful; an image adapter that always drifts
 * fails the job with {@code FIDELITY_DRIFT} after exactly {@code max_attempts} generations.
 */
@SpringBootTest(
        classes = {StudioApplication.class, FidelityLoopSystemTest.Drifting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FidelityLoopSystemTest {

    /** A prompt containing this makes the test's image adapter recolour the product whatever it is asked. */
    static final String ALWAYS_DRIFT = DriftingImages.ALWAYS;

    private static final double STRICT = 0.8;

    @LocalServerPort
    int port;

    @Autowired
    LocalMedia local;

    ApiClient api;
    CreationJobs jobs;
    Map<String, Object> product;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-fidelity-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "fidelity-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "8");
        registry.add("studio.capabilities.image", () -> DriftingImages.NAME);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "fidelity-token");
        jobs = new CreationJobs(api);
        product = Samples.uploaded(api, "aurora-bottle");
        product.put("product_id", "aurora-fidelity-" + System.nanoTime());
    }

    private JsonNode run(String prompt, Map<String, Object> settings) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "fidelity-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "image_bundle");
        tree.put("prompt", prompt);
        tree.put("settings", settings);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return jobs.finished(created.json().get("id").asString());
    }

    private byte[] bytes(String assetId) {
        var response = api.getBytes("/v1/assets/" + assetId);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void atFullVariationDriftedScenesAreRegeneratedAndEveryAcceptedImageRescoresAtOrAboveTheThreshold()
            throws Exception {
        JsonNode job = run(
                "Summer launch: bold, playful compositions",
                Map.of("scene_count", 4, "creative_variation", 1.0, "max_attempts", 3));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        byte[] reference = bytes(CreationJobs.step(job, "neutral_image")
                .get("outputs")
                .get("neutral_image")
                .asString());

        int regenerated = 0;
        for (int scene = 1; scene <= 4; scene++) {
            JsonNode check = OutputJobs.step(job, "scene_image", scene)
                    .get("outputs")
                    .get("fidelity")
                    .get(0);
            JsonNode attempts = check.get("attempts");
            assertThat(attempts.size()).isBetween(1, 3);
            if (attempts.size() > 1) {
                regenerated++;
            }
            for (int i = 0; i < attempts.size(); i++) {
                JsonNode attempt = attempts.get(i);
                FidelityScore again = local.score(new FidelityRequest(
                        reference, bytes(attempt.get("asset_id").asString())));
                assertThat(again.score())
                        .as("scene %d attempt %d re-scored", scene, i + 1)
                        .isCloseTo(attempt.get("score").asDouble(), within(0.001));
                boolean last = i == attempts.size() - 1;
                assertThat(attempt.get("verdict").asString()).isEqualTo(last ? "pass" : "drift");
                if (last) {
                    assertThat(again.score()).as("scene %d accepted", scene).isGreaterThanOrEqualTo(STRICT);
                    assertThat(attempt.get("asset_id").asString())
                            .isEqualTo(check.get("asset_id").asString());
                } else {
                    assertThat(again.score())
                            .as("scene %d drifted attempt", scene)
                            .isLessThan(STRICT);
                    assertThat(attempts.get(i + 1).get("changes").toString()).contains("new seed");
                }
            }
        }
        assertThat(regenerated)
                .as("scenes that needed a second or third generation")
                .isPositive();

        JsonNode manifest = job.get("manifest").get("fidelity").get("images");
        assertThat(manifest.size()).isEqualTo(4);
        manifest.forEach(image -> assertThat(image.get("score").asDouble()).isGreaterThanOrEqualTo(STRICT));
        List<String> checks = new ArrayList<>();
        for (JsonNode event : api.get("/v1/jobs/" + job.get("id").asString() + "/events?limit=500")
                .json()
                .get("items")) {
            if (event.get("data").has("note")) {
                checks.add(event.get("data").get("note").get("message").asString());
            }
        }
        assertThat(checks)
                .anyMatch(m -> m.matches("check 0\\.\\d\\d drift, regenerating"))
                .anyMatch(m -> m.matches("check 0\\.\\d\\d pass"));
    }

    @Test
    void anImageAdapterThatAlwaysDriftsFailsTheJobAfterExactlyMaxAttemptsWithEveryScore() {
        JsonNode job = run("Launch " + ALWAYS_DRIFT, Map.of("scene_count", 1, "max_attempts", 3));
        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode error = job.get("error");
        assertThat(error.get("code").asString()).isEqualTo("FIDELITY_DRIFT");
        assertThat(error.get("stage").asString()).isEqualTo("scene_image");
        assertThat(error.get("scene_order").asInt()).isEqualTo(1);
        assertThat(error.get("details").get("attempts").size()).isEqualTo(3);
        error.get("details")
                .get("attempts")
                .forEach(a -> assertThat(a.get("score").asDouble()).isLessThan(STRICT));

        JsonNode step = CreationJobs.step(job, "scene_image");
        List<String> roles = new ArrayList<>();
        step.get("outputs").get("assets").forEach(a -> roles.add(a.get("role").asString()));
        assertThat(roles)
                .as("one stored image per generation")
                .containsExactly("rejected_image", "rejected_image", "rejected_image");

        JsonNode failed = null;
        for (JsonNode event : api.get("/v1/jobs/" + job.get("id").asString() + "/events?limit=500")
                .json()
                .get("items")) {
            if (event.get("type").asString().equals("failed")) {
                failed = event;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.get("data")
                        .get("error")
                        .get("details")
                        .get("attempts")
                        .size())
                .isEqualTo(3);
    }

    /** The test's image adapter: the local renderer, recolouring the product when the prompt says so. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Drifting {

        @Bean
        CapabilityAdapter driftingImages(LocalMedia local) {
            return new DriftingImages(local);
        }
    }
}
