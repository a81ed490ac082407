package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.web.WebLinkReader;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CountingCapabilities;
import dev.campaignstudio.server.support.CountingCapabilityConfiguration;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.VideoProbe;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * Retries that resume from a stage or a scene, embedded, counting every capability call: a retry runs exactly what its
 * target and the stages built on it need, keeps the rest by reference, has its own lifecycle, is idempotent, chains,
 * and is listed on the job it resumes.
 */
@SpringBootTest(
        classes = {StudioApplication.class, RetrySystemTest.Counting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetrySystemTest {

    @LocalServerPort
    int port;

    @Autowired
    CountingCapabilities.Counted counted;

    @Autowired
    DriftingImages drifting;

    ApiClient api;
    CreationJobs jobs;
    Map<String, Object> product;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-retry-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "retry-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "10");
        CountingCapabilityConfiguration.bindAll(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "retry-token");
        jobs = new CreationJobs(api);
        product = Samples.uploaded(api, "kiln-mug");
        product.put("product_id", "kiln-retry-" + System.nanoTime());
    }

    @AfterEach
    void reset() {
        drifting.reset();
    }

    private String submit(Map<String, Object> tree) {
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Map<String, Object> output(String mode, String prompt, Map<String, Object> settings) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", mode + "-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", mode);
        tree.put("prompt", prompt);
        tree.put("settings", settings);
        return tree;
    }

    private static Map<String, Object> retry(String jobId, String stage, Integer scene) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "retry");
        tree.put("idempotency_key", "retry-" + System.nanoTime());
        tree.put("job_id", jobId);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("stage", stage);
        if (scene != null) {
            target.put("scene_order", scene);
        }
        tree.put("target", target);
        return tree;
    }

    private byte[] bytes(String assetId) {
        var response = api.getBytes("/v1/assets/" + assetId);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private JsonNode succeeded(String id) {
        JsonNode job = jobs.finished(id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    /** Calls since {@code before}, by capability and by port method. */
    private Map<String, Integer> since(Map<String, Integer> before) {
        Map<String, Integer> now = counts();
        Map<String, Integer> delta = new HashMap<>();
        now.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0)));
        return delta;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        counted.counter().snapshot().forEach((c, n) -> counts.put(c.wire(), n));
        for (String method : List.of("generate", "cutOut", "analyze", "sheet", "concepts", "plan", "stitch")) {
            counts.put(method, counted.counter().calls(method));
        }
        return counts;
    }

    private static Map<Integer, String> statuses(JsonNode job, String stage) {
        Map<Integer, String> statuses = new LinkedHashMap<>();
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)) {
                statuses.put(
                        step.get("scene_order").isNull()
                                ? 0
                                : step.get("scene_order").asInt(),
                        step.get("status").asString());
            }
        }
        return statuses;
    }

    private static int fidelityAttempts(JsonNode job, int fromScene) {
        return fidelityAttempts(job, "scene_image", fromScene);
    }

    private static int fidelityAttempts(JsonNode job, String stage, int fromScene) {
        int attempts = 0;
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)
                    && step.get("status").asString().equals("succeeded")
                    && step.get("scene_order").asInt() >= fromScene) {
                attempts += step.get("outputs")
                        .get("fidelity")
                        .get(0)
                        .get("attempts")
                        .size();
            }
        }
        return attempts;
    }

    @Test
    void scriptVideoRetriedFromSegmentThreeKeepsSegmentsOneAndTwoAndRunsOnlyWhatFollows() throws Exception {
        JsonNode parent =
                succeeded(submit(output("script_video", "Autumn launch", Map.of("scene_count", 4, "duration_s", 10))));
        String parentId = parent.get("id").asString();
        assertThat(statuses(parent, "segment_image")).hasSize(4).containsValue("succeeded");
        assertThat(statuses(parent, "segment_video")).hasSize(4);

        Map<String, Integer> before = counts();
        JsonNode fromImage = succeeded(submit(retry(parentId, "segment_image", 3)));
        Map<String, Integer> calls = since(before);
        assertThat(calls.get("generate"))
                .as("segment images 3 and 4, with any regeneration the fidelity loop asked for")
                .isEqualTo(fidelityAttempts(fromImage, "segment_image", 3))
                .isGreaterThanOrEqualTo(2);
        assertThat(calls.get("fidelity"))
                .as("one check per image generation, one per clip made")
                .isEqualTo(calls.get("generate") + calls.get("video"));
        assertThat(calls.get("video"))
                .as("segment clips 3 and 4, with any the clip check asked for")
                .isEqualTo(clipAttempts(fromImage, "segment_video", 3))
                .isGreaterThanOrEqualTo(2);
        assertThat(calls.get("stitch")).isEqualTo(1);
        assertThat(calls.get("audio")).as("every segment's speech kept").isZero();
        assertThat(calls.get("script") + calls.get("product_analysis")).isZero();
        assertThat(statuses(fromImage, "segment_image"))
                .containsExactly(
                        Map.entry(1, "reused"),
                        Map.entry(2, "reused"),
                        Map.entry(3, "succeeded"),
                        Map.entry(4, "succeeded"));
        assertThat(statuses(fromImage, "segment_video"))
                .containsExactly(
                        Map.entry(1, "reused"),
                        Map.entry(2, "reused"),
                        Map.entry(3, "succeeded"),
                        Map.entry(4, "succeeded"));
        assertThat(statuses(fromImage, "voiceover").values()).containsOnly("reused");
        assertThat(stepOutput(fromImage, "segment_video", 2, "clip"))
                .as("segment 2's clip is the parent's file")
                .isEqualTo(stepOutput(parent, "segment_video", 2, "clip"));
        long speech =
                step(fromImage, "timed_video").get("outputs").get("speech_ms").asLong();
        assertThat(speech)
                .isEqualTo(step(parent, "timed_video")
                        .get("outputs")
                        .get("speech_ms")
                        .asLong());
        VideoProbe video = VideoProbe.of(bytes(OutputJobs.outputs(fromImage, "final_video")
                .get(0)
                .get("asset_id")
                .asString()));
        assertThat(video.seconds()).as("as long as the kept speech").isCloseTo(speech / 1000.0, within(0.2));

        before = counts();
        JsonNode fromVoice = succeeded(submit(retry(parentId, "voiceover", 3)));
        calls = since(before);
        assertThat(calls.get("audio")).as("segments 3 and 4 spoken again").isEqualTo(2);
        assertThat(calls.get("video"))
                .as("their clips follow their speech")
                .isEqualTo(clipAttempts(fromVoice, "segment_video", 3))
                .isGreaterThanOrEqualTo(2);
        assertThat(calls.get("generate")).as("every segment image kept").isZero();
        assertThat(calls.get("fidelity")).as("a check of each clip made again").isEqualTo(calls.get("video"));
        assertThat(calls.get("stitch")).isEqualTo(1);
        assertThat(statuses(fromVoice, "segment_image").values()).containsOnly("reused");
        assertThat(statuses(fromVoice, "segment_video"))
                .containsEntry(2, "reused")
                .containsEntry(3, "succeeded");
    }

    /** Clips made (every attempt of the clip check) by the succeeded steps of {@code stage} from {@code fromScene} on. */
    private static int clipAttempts(JsonNode job, String stage, int fromScene) {
        return fidelityAttempts(job, stage, fromScene);
    }

    private static JsonNode step(JsonNode job, String stage) {
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)
                    && step.get("status").asString().matches("succeeded|reused")) {
                return step;
            }
        }
        throw new AssertionError("no " + stage + " step in " + job);
    }

    private static String stepOutput(JsonNode job, String stage, int scene, String output) {
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)
                    && !step.get("scene_order").isNull()
                    && step.get("scene_order").asInt() == scene
                    && step.get("status").asString().matches("succeeded|reused")) {
                return step.get("outputs").get(output).asString();
            }
        }
        throw new AssertionError("no " + stage + " scene " + scene + " in " + job);
    }

    @Test
    void fastVideoRetriesFromASceneRunOnlyThatSceneOnAndChainAndAreListedOnTheirParent() throws Exception {
        JsonNode parent =
                succeeded(submit(output("fast_video", "Autumn launch", Map.of("scene_count", 6, "duration_s", 15))));
        String parentId = parent.get("id").asString();
        assertThat(VideoProbe.of(bytes(OutputJobs.outputs(parent, "final_video")
                                .get(0)
                                .get("asset_id")
                                .asString()))
                        .seconds())
                .as("6 scenes at 10 fps still last the 15 s asked for")
                .isBetween(14.8, 15.2);

        Map<String, Integer> before = counts();
        Map<String, Object> videoRetry = retry(parentId, "scene_video", 4);
        String videoRetryId = submit(videoRetry);
        JsonNode fromVideo = succeeded(videoRetryId);
        Map<String, Integer> calls = since(before);
        assertThat(calls.get("video")).as("scene videos 4 to 6").isEqualTo(3);
        assertThat(calls.get("stitch")).isEqualTo(1);
        assertThat(calls.get("image")).isZero();
        assertThat(calls.get("storyboard")).isZero();
        assertThat(calls.get("product_analysis"))
                .as("no cut-out, no description")
                .isZero();
        assertThat(statuses(fromVideo, "scene_video"))
                .containsExactly(
                        Map.entry(1, "reused"),
                        Map.entry(2, "reused"),
                        Map.entry(3, "reused"),
                        Map.entry(4, "succeeded"),
                        Map.entry(5, "succeeded"),
                        Map.entry(6, "succeeded"));
        assertThat(statuses(fromVideo, "scene_image").values()).containsOnly("reused");
        VideoProbe video = VideoProbe.of(bytes(OutputJobs.outputs(fromVideo, "final_video")
                .get(0)
                .get("asset_id")
                .asString()));
        assertThat(video.seconds()).isBetween(14.8, 15.2);

        ApiClient.Response replay = api.postJson("/v1/jobs", videoRetry);
        assertThat(replay.status()).as("the same retry again is the same job").isEqualTo(200);
        assertThat(replay.json().get("id").asString()).isEqualTo(videoRetryId);

        before = counts();
        JsonNode fromImage = succeeded(submit(retry(parentId, "scene_image", 5)));
        calls = since(before);
        assertThat(calls.get("generate"))
                .as("scene images 5 and 6, with any regeneration the fidelity loop asked for")
                .isEqualTo(fidelityAttempts(fromImage, 5))
                .isGreaterThanOrEqualTo(2);
        assertThat(calls.get("video")).isEqualTo(2);
        assertThat(calls.get("stitch")).isEqualTo(1);
        assertThat(calls.get("storyboard") + calls.get("product_analysis")).isZero();
        assertThat(statuses(fromImage, "scene_image"))
                .containsEntry(4, "reused")
                .containsEntry(5, "succeeded");
        assertThat(statuses(fromImage, "scene_video"))
                .containsEntry(4, "reused")
                .containsEntry(5, "succeeded")
                .containsEntry(6, "succeeded");

        before = counts();
        JsonNode chained = succeeded(submit(retry(fromImage.get("id").asString(), "stitch", null)));
        calls = since(before);
        assertThat(calls.get("stitch")).isEqualTo(1);
        Map<String, Integer> others = new HashMap<>(calls);
        others.remove("stitch");
        assertThat(others.values()).as("only the stitch: " + calls).containsOnly(0);
        assertThat(chained.get("parent_job_id").asString())
                .isEqualTo(fromImage.get("id").asString());

        ApiClient.Response noStage = api.postJson("/v1/jobs", retry(parentId, "voiceover", null));
        assertThat(noStage.status()).isEqualTo(422);
        assertThat(noStage.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/target/stage");
        assertThat(noStage.body()).contains("voiceover").doesNotContain("Exception");
        ApiClient.Response noScene = api.postJson("/v1/jobs", retry(parentId, "scene_video", 7));
        assertThat(noScene.status()).isEqualTo(422);
        assertThat(noScene.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/target/scene_order");

        JsonNode listed = api.get("/v1/jobs/" + parentId).json();
        List<String> retries = new ArrayList<>();
        listed.get("retries").forEach(r -> retries.add(r.get("id").asString()));
        assertThat(retries).containsExactly(videoRetryId, fromImage.get("id").asString());
        assertThat(listed.get("retries").get(0).get("target").get("scene_order").asInt())
                .isEqualTo(4);
        assertThat(jobs.completedEvent(videoRetryId)
                        .get("data")
                        .get("manifest")
                        .get("outputs")
                        .size())
                .isPositive();
    }

    @Test
    void aRetryOfTheCutOutRedoesItAndWhatDrawsItAndARetryOfTheStoryboardKeepsTheDescription() {
        JsonNode creation = succeeded(jobs.submit(product));
        int photos = ((List<?>) product.get("images")).size();

        Map<String, Integer> before = counts();
        JsonNode cutOut = succeeded(submit(retry(creation.get("id").asString(), "neutral_image", null)));
        Map<String, Integer> calls = since(before);
        assertThat(calls.get("cutOut")).as("each photo cut out once").isEqualTo(photos);
        assertThat(calls.get("analyze")).as("the description is kept").isZero();
        assertThat(calls.get("concepts") + calls.get("plan"))
                .as("the storyboard seeds are kept")
                .isZero();
        assertThat(calls.get("sheet"))
                .as("the character sheet draws the cut-out")
                .isEqualTo(1);
        assertThat(CreationJobs.statuses(cutOut))
                .containsEntry("neutral_image", "succeeded")
                .containsEntry("metadata", "reused")
                .containsEntry("character_sheet", "succeeded")
                .containsEntry("storyboard_seeds", "reused")
                .containsEntry("emit", "succeeded");

        before = counts();
        JsonNode storyboard = succeeded(submit(retry(creation.get("id").asString(), "storyboard", null)));
        calls = since(before);
        assertThat(calls.get("storyboard")).isEqualTo(1);
        assertThat(calls.get("product_analysis") + calls.get("image")).isZero();
        assertThat(CreationJobs.statuses(storyboard))
                .containsEntry("metadata", "reused")
                .containsEntry("storyboard_seeds", "succeeded");
    }

    @Test
    void aJobThatDriftedAtSceneThreeRetriedFromThereWithANewPromptKeepsTheFirstTwoScenesFiles() {
        Map<String, Object> request =
                output("image_bundle", "Cosy evenings " + DriftingImages.ONE_SCENE, Map.of("scene_count", 4));
        String parentId = submit(request);
        drifting.driftScene(parentId, 3);
        // scene 3 gives up while the other scenes are still being made: they finish and keep their files
        await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> statuses(api.get("/v1/jobs/" + parentId).json(), "scene_image"),
                        scenes -> "failed".equals(scenes.get(3))
                                && scenes.keySet().containsAll(List.of(1, 2, 4)));
        JsonNode waiting = api.get("/v1/jobs/" + parentId).json();
        assertThat(waiting.get("status").asString())
                .as("the job waits for the scenes still running")
                .isEqualTo("running");
        assertThat(statuses(waiting, "scene_image"))
                .containsEntry(1, "running")
                .containsEntry(2, "running")
                .containsEntry(4, "running");
        drifting.releaseOtherScenes();
        JsonNode parent = jobs.finished(parentId);
        assertThat(parent.get("status").asString()).isEqualTo("failed");
        assertThat(parent.get("error").get("code").asString()).isEqualTo("FIDELITY_DRIFT");
        assertThat(parent.get("error").get("scene_order").asInt()).isEqualTo(3);
        assertThat(statuses(parent, "scene_image"))
                .as("the siblings running at the drift were not thrown away")
                .containsEntry(1, "succeeded")
                .containsEntry(2, "succeeded")
                .containsEntry(3, "failed")
                .containsEntry(4, "succeeded");
        assertThat(statuses(parent, "finalize_bundle"))
                .as("nothing after the scenes started")
                .isEmpty();
        Map<Integer, String> kept = new HashMap<>();
        for (JsonNode step : parent.get("steps")) {
            if (step.get("stage").asString().equals("scene_image")
                    && step.get("status").asString().equals("succeeded")
                    && step.get("scene_order").asInt() < 3) {
                kept.put(
                        step.get("scene_order").asInt(),
                        step.get("outputs").get("images").get(0).get("image").asString());
            }
        }
        assertThat(kept).containsOnlyKeys(1, 2);

        Map<String, Object> retry = retry(parentId, "scene_image", 3);
        retry.put("prompt", "Cosy evenings by the fire");
        JsonNode resumed = succeeded(submit(retry));

        List<JsonNode> images = OutputJobs.outputs(resumed, "bundle_image");
        assertThat(images).hasSize(4);
        for (JsonNode image : images) {
            int scene = image.get("scene_order").asInt();
            if (scene < 3) {
                assertThat(image.get("asset_id").asString())
                        .as("scene %d is the parent's file", scene)
                        .isEqualTo(kept.get(scene));
                assertThat(image.get("sha256").asString()).isEqualTo(Sha256.hex(bytes(kept.get(scene))));
            }
        }
        assertThat(statuses(resumed, "scene_image"))
                .containsEntry(1, "reused")
                .containsEntry(2, "reused")
                .containsEntry(3, "succeeded")
                .containsEntry(4, "succeeded");
    }

    /** The counting adapter over the drifting image adapter, the local media and the web link reader. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        DriftingImages driftingImages(LocalMedia local) {
            return new DriftingImages(local);
        }

        @Bean
        CountingCapabilities.Counted countingCapabilities(
                DriftingImages drifting, LocalMedia local, WebLinkReader web) {
            return CountingCapabilities.over(drifting, local, web);
        }

        @Bean
        CapabilityAdapter countingAdapter(CountingCapabilities.Counted counted) {
            return counted.adapter();
        }
    }
}
