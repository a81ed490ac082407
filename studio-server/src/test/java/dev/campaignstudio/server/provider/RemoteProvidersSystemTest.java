package dev.campaignstudio.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.asset.DigitalSourceType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.providers.contract.FakeOpenAi;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.VideoProbe;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A whole {@code fast_video} job with {@code image} bound to the OpenAI-compatible adapter and {@code video} to the
 * Replicate-compatible one, both talking to a local server that speaks their protocols, every other capability local;
 * and no configured key in any log line, event, error or manifest, even when a provider echoes it back.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemoteProvidersSystemTest {

    private static final String OPENAI_KEY = "sk-live-SECRET-openai-4f7c1d";
    private static final String REPLICATE_KEY = "r8_SECRET_replicate_9b2e";
    private static final String VERSION = "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";
    private static FakeProviders providers;

    @Autowired
    PipelineRouter router;

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        providers = new FakeProviders();
        String dataDir = Files.createTempDirectory("studio-remote-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "remote-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "10");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        registry.add("studio.providers.openai.base-url", providers::openaiUrl);
        registry.add("studio.providers.openai.api-key", () -> OPENAI_KEY);
        registry.add("studio.providers.openai.models.image", () -> "gpt-image-1");
        registry.add("studio.providers.replicate.base-url", providers::replicateUrl);
        registry.add("studio.providers.replicate.api-key", () -> REPLICATE_KEY);
        registry.add("studio.providers.replicate.models.video", () -> "acme/img2vid:" + VERSION);
        registry.add("studio.providers.openai.prices.image.input_tokens", () -> "0.00001");
        registry.add("studio.providers.openai.prices.image.output_tokens", () -> "0.00004");
        registry.add("studio.providers.replicate.prices.video.predict_seconds", () -> "0.0023");
        registry.add("studio.providers.replicate.poll-interval", () -> "50ms");
        registry.add("studio.capabilities.image", () -> "openai");
        registry.add("studio.capabilities.video", () -> "replicate");
    }

    @AfterAll
    static void stop() {
        providers.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "remote-token");
    }

    private JsonNode run(String prompt, Map<String, Object> settings) {
        Map<String, Object> product = Samples.uploaded(api, "kiln-mug");
        product.put("product_id", "kiln-remote-" + System.nanoTime());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "remote-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "fast_video");
        tree.put("prompt", prompt);
        tree.put("settings", settings);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("succeeded", "failed")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        return api.get("/v1/jobs/" + id).json();
    }

    @Test
    void aFastVideoRunsWithRemoteImagesAndVideosAndEveryOtherCapabilityLocal(CapturedOutput output) throws Exception {
        int editsBefore = providers.edits.get();
        int predictionsBefore = providers.predictions();
        int editRequestsBefore =
                providers.openai.vendor().requests("POST", "/images/edits").size();
        int predictionRequestsBefore =
                providers.replicate.vendor().requests("POST", "/predictions").size();
        JsonNode job = run("Cosy autumn evenings", Map.of("scene_count", 3, "duration_s", 8));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(providers.edits.get() - editsBefore)
                .as("one edit per scene, more only if the fidelity loop asked")
                .isGreaterThanOrEqualTo(3);
        assertThat(providers.productImagesSeen.get())
                .as("each edit carried the product's image")
                .isPositive();
        assertThat(providers.predictions() - predictionsBefore)
                .as("exactly one prediction per scene")
                .isEqualTo(3);
        assertThat(providers.authorizations()).contains("Bearer " + OPENAI_KEY, "Bearer " + REPLICATE_KEY);
        assertThat(providers.problems())
                .as("every request and answer keeps to the vendors' documents")
                .isEmpty();
        // this job's requests only: the fakes keep every request of the class
        List<String> imagePrompts = new java.util.ArrayList<>();
        var edits = providers.openai.vendor().requests("POST", "/images/edits");
        edits.subList(editRequestsBefore, edits.size()).forEach(edit -> imagePrompts.add(edit.field("prompt")));
        List<String> videoPrompts = new java.util.ArrayList<>();
        var created = providers.replicate.vendor().requests("POST", "/predictions");
        created.subList(predictionRequestsBefore, created.size())
                .forEach(prediction -> videoPrompts.add(
                        prediction.json().path("input").path("prompt").asString()));
        JsonNode storyboard = null;
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals("storyboard")) {
                storyboard = step.get("outputs");
            }
        }
        assertThat(storyboard).as("the fast video's storyboard step").isNotNull();
        assertThat(storyboard.get("scenes").size()).isEqualTo(3);
        for (JsonNode scene : storyboard.get("scenes")) {
            String shot = "This scene: " + scene.get("shot").asString() + ".";
            assertThat(imagePrompts)
                    .as("scene %s's image is asked for with its storyboard shot", scene.get("order"))
                    .anyMatch(prompt -> prompt.contains(shot));
            assertThat(videoPrompts)
                    .as("scene %s's clip is asked for with its storyboard shot", scene.get("order"))
                    .anyMatch(prompt -> prompt.contains(shot));
        }
        for (JsonNode step : job.get("steps")) {
            String stage = step.get("stage").asString();
            if (stage.equals("scene_image") || stage.equals("scene_video")) {
                assertThat(step.get("adapter").asString())
                        .isEqualTo(stage.equals("scene_image") ? "openai" : "replicate");
                JsonNode call = step.get("outputs").get("provider_calls").get(0);
                assertThat(call.get("provider").asString())
                        .isEqualTo(stage.equals("scene_image") ? "openai" : "replicate");
                assertThat(call.get("latency_ms").asLong()).isNotNegative();
                assertThat(call.get("attempts").asInt()).isEqualTo(1);
            }
        }
        JsonNode video = null;
        for (JsonNode file : job.get("manifest").get("outputs")) {
            if (file.get("role").asString().equals("final_video")) {
                video = file;
            }
        }
        assertThat(video).isNotNull();
        byte[] finalVideo =
                api.getBytes("/v1/assets/" + video.get("asset_id").asString()).body();
        VideoProbe probe = VideoProbe.of(finalVideo);
        assertThat(probe.seconds()).isBetween(7.8, 8.2);
        assertThat(probe.audioCodec()).isNotNull();
        assertThat(DigitalSourceType.read(finalVideo))
                .as("the stitched video is a composite with generated clips")
                .contains(DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.uri());
        costAndMakers(job, video);
        List<JsonNode> noted = remoteJobNotes(job.get("id").asString());
        assertThat(noted)
                .as("each scene's prediction was written down on its step before it was polled")
                .filteredOn(note -> note.path("provider").asString("").equals("replicate"))
                .hasSize(3)
                .allSatisfy(
                        note -> assertThat(note.path("request_id").asString("")).isNotEmpty())
                .allSatisfy(note ->
                        assertThat(note.path("fingerprint").asString("")).hasSize(64));
        for (JsonNode step : job.get("manifest").get("stages")) {
            String stage = step.get("stage").asString();
            if (stage.equals("scene_image") || stage.equals("scene_video")) {
                for (JsonNode asset : step.get("assets")) {
                    byte[] file = api.getBytes(
                                    "/v1/assets/" + asset.get("asset_id").asString())
                            .body();
                    assertThat(DigitalSourceType.read(file))
                            .as(stage + " " + asset.get("role").asString() + " is made by a model")
                            .contains(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
                    if (stage.equals("scene_image")) {
                        assertThat(ImageIO.read(new ByteArrayInputStream(file)))
                                .as("the labelled PNG decodes")
                                .isNotNull();
                    } else {
                        assertThat(VideoProbe.of(file).seconds())
                                .as("the labelled clip decodes")
                                .isPositive();
                    }
                }
            }
        }
        assertThat(router.route(OutputMode.FAST_VIDEO)
                        .stage("scene_video")
                        .orElseThrow()
                        .timeout())
                .as("cut at no less than Replicate's deadline, its read timeouts and a margin")
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(output.getAll()).doesNotContain(OPENAI_KEY).doesNotContain(REPLICATE_KEY);
    }

    /**
     * The manifest's cost is the sum of the priced calls; the final video lists the adapters, models and seeds that
     * made it.
     */
    /** The {@code remote_job} notes the job's {@code progress} events carry, every page of them. */
    private List<JsonNode> remoteJobNotes(String id) {
        List<JsonNode> notes = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/v1/jobs/" + id + "/events?after=" + after).json();
            if (page.get("items").isEmpty()) {
                return notes;
            }
            for (JsonNode event : page.get("items")) {
                JsonNode note = event.path("data").path("note");
                if (note.path("kind").asString("").equals("remote_job")) {
                    notes.add(note);
                }
            }
            after = page.get("next_after").asLong();
        }
    }

    private static void costAndMakers(JsonNode job, JsonNode video) {
        double images = 0;
        double videos = 0;
        for (JsonNode step : job.get("steps")) {
            for (JsonNode call : step.path("outputs").path("provider_calls")) {
                if (call.has("cost")) {
                    if (call.get("provider").asString().equals("openai")) {
                        images += call.get("cost").asDouble();
                    } else {
                        videos += call.get("cost").asDouble();
                    }
                }
            }
        }
        JsonNode cost = job.get("manifest").get("cost");
        double perEdit = FakeOpenAi.IMAGE_INPUT_TOKENS * 0.00001 + FakeOpenAi.IMAGE_OUTPUT_TOKENS * 0.00004;
        assertThat(images).as("at least one priced edit per scene").isGreaterThanOrEqualTo(3 * perEdit - 1e-9);
        assertThat(videos).as("three predictions of 1.5 s each").isCloseTo(3 * 1.5 * 0.0023, offset(1e-9));
        assertThat(cost.get("total").asDouble()).isCloseTo(images + videos, offset(1e-6));
        assertThat(cost.get("by_provider").get("replicate").asDouble()).isCloseTo(videos, offset(1e-6));
        assertThat(cost.get("by_provider").get("openai").asDouble()).isCloseTo(images, offset(1e-6));
        List<String> makers = new java.util.ArrayList<>();
        for (JsonNode maker : video.get("made_by")) {
            makers.add(
                    maker.get("stage").asString() + "/" + maker.get("adapter").asString());
            if (maker.get("stage").asString().equals("scene_video")) {
                JsonNode model = maker.get("models").get(0);
                assertThat(model.get("model").asString()).isEqualTo("acme/img2vid:" + VERSION);
                assertThat(model.get("version").asString()).isEqualTo(VERSION);
                assertThat(model.get("seed").isNumber()).isTrue();
            }
        }
        assertThat(makers).contains("scene_image/openai", "scene_video/replicate", "stitch/local");
    }

    @Test
    void aProviderThatEchoesTheKeyFailsTheJobWithoutTheKeyInAnyLogEventOrError(CapturedOutput output) {
        JsonNode job = run("Launch " + FakeProviders.ECHO_KEY, Map.of("scene_count", 2, "duration_s", 6));

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").get("code").asString()).isEqualTo("PROVIDER_ERROR");
        assertThat(job.get("error").get("message").asString()).contains("400").contains("Incorrect API key provided");
        String everything = job.toString()
                + api.get("/v1/jobs/" + job.get("id").asString() + "/events").body()
                + output.getAll();
        assertThat(everything)
                .doesNotContain(OPENAI_KEY)
                .doesNotContain(REPLICATE_KEY)
                .doesNotContain("SECRET");
    }
}
