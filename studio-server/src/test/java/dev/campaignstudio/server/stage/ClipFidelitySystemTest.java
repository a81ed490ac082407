package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.web.WebLinkReader;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CountingCapabilities;
import dev.campaignstudio.server.support.CountingCapabilityConfiguration;
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
 * Every generated clip of the product is checked, embedded, with a video adapter that can make the product drift: a
 * clip whose product drifted is made again (a new seed, a steady camera), and the step's and the manifest's fidelity
 * records list the clip's attempts; clips that drift in every allowed attempt fail the job with {@code FIDELITY_DRIFT}
 * carrying each attempt's score.
 */
@SpringBootTest(
        classes = {StudioApplication.class, ClipFidelitySystemTest.Drifting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClipFidelitySystemTest {

    @LocalServerPort
    int port;

    @Autowired
    CountingCapabilities.Counted counted;

    @Autowired
    DriftingClips clips;

    ApiClient api;
    Map<String, Object> product;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-clip-fidelity-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "clip-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "10");
        CountingCapabilityConfiguration.bindAll(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "clip-token");
        product = Samples.uploaded(api, "aurora-bottle");
        product.put("product_id", "aurora-clips-" + System.nanoTime());
        clips.drift(0);
    }

    private JsonNode run(int maxAttempts) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "clips-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "fast_video");
        tree.put("prompt", "Summer launch");
        tree.put("settings", Map.of("scene_count", 2, "duration_s", 5, "max_attempts", maxAttempts));
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new CreationJobs(api).finished(created.json().get("id").asString());
    }

    private static List<JsonNode> sceneVideos(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.get("steps").forEach(s -> {
            if (s.get("stage").asString().equals("scene_video")
                    && s.get("status").asString().equals("succeeded")) {
                steps.add(s);
            }
        });
        return steps;
    }

    @Test
    void aClipWhoseProductDriftedIsMadeAgainAndTheFidelityRecordsShowItsAttempts() {
        int videoBefore = counted.counter().calls(Capability.VIDEO);
        int checksBefore = counted.counter().calls(Capability.FIDELITY);
        int imagesBefore = counted.counter().calls("generate");
        clips.drift(1);
        JsonNode job = run(3);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");

        List<JsonNode> steps = sceneVideos(job);
        assertThat(steps).hasSize(2);
        List<Integer> attempts = new ArrayList<>();
        JsonNode redone = null;
        for (JsonNode step : steps) {
            JsonNode record = step.get("outputs").get("fidelity").get(0);
            assertThat(record.get("kind").asString()).isEqualTo("clip");
            attempts.add(record.get("attempts").size());
            redone = record.get("attempts").size() == 2 ? record : redone;
        }
        assertThat(attempts).as("one clip drifted once").containsExactlyInAnyOrder(1, 2);
        JsonNode first = redone.get("attempts").get(0);
        JsonNode second = redone.get("attempts").get(1);
        assertThat(first.get("verdict").asString()).isEqualTo("drift");
        assertThat(first.get("parts").get("proportion").asDouble())
                .as("the squash is what drifted")
                .isLessThan(0.5);
        assertThat(second.get("verdict").asString()).isEqualTo("pass");
        assertThat(second.get("changes").toString()).contains("seed").contains("steady_camera");
        assertThat(redone.get("asset_id").asString())
                .isEqualTo(second.get("asset_id").asString());
        assertThat(api.getBytes(first.get("url").asString()).statusCode())
                .as("the drifted clip is kept")
                .isEqualTo(200);
        assertThat(api.getBytes(first.get("frame_url").asString()).statusCode())
                .as("and its weakest frame")
                .isEqualTo(200);

        List<String> kinds = new ArrayList<>();
        int clipAttempts = 0;
        for (JsonNode image : job.get("manifest").get("fidelity").get("images")) {
            kinds.add(image.get("kind").asString());
            if (image.get("stage").asString().equals("scene_video")) {
                clipAttempts += image.get("attempts").asInt();
            }
        }
        assertThat(kinds).contains("image", "clip");
        assertThat(clipAttempts).as("the manifest counts the clip attempts").isEqualTo(3);
        int videos = counted.counter().calls(Capability.VIDEO) - videoBefore;
        int images = counted.counter().calls("generate") - imagesBefore;
        assertThat(videos).as("two scenes, one made again").isEqualTo(3);
        assertThat(counted.counter().calls(Capability.FIDELITY) - checksBefore)
                .as("every image and every clip checked")
                .isEqualTo(images + videos);
    }

    @Test
    void clipsThatDriftInEveryAttemptFailTheJobWithFidelityDriftAndEveryScore() {
        clips.drift(100);
        JsonNode job = run(2);
        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode error = job.get("error");
        assertThat(error.get("code").asString()).isEqualTo("FIDELITY_DRIFT");
        assertThat(error.get("stage").asString()).isEqualTo("scene_video");
        assertThat(error.get("message").asString()).contains("all 2 attempts").contains("scene_video scene");
        assertThat(error.get("details").get("attempts").size()).isEqualTo(2);
        error.get("details")
                .get("attempts")
                .forEach(a -> assertThat(a.get("verdict").asString()).isEqualTo("drift"));
    }

    /** The counting adapter over the drifting clip maker, the local media and the web link reader. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Drifting {

        @Bean
        DriftingClips driftingClips(LocalMedia local) {
            return new DriftingClips(local);
        }

        @Bean
        CountingCapabilities.Counted countingCapabilities(DriftingClips drifting, LocalMedia local, WebLinkReader web) {
            return CountingCapabilities.over(drifting, local, web);
        }

        @Bean
        CapabilityAdapter countingAdapter(CountingCapabilities.Counted counted) {
            return counted.adapter();
        }
    }
}
