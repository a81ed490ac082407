package dev.campaignstudio.server.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.providers.fixtures.FakeElevenLabs;
import dev.campaignstudio.providers.fixtures.FakeFal;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.VideoProbe;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Whole jobs on the vendor adapters, against loopback fakes that answer only what the vendors' documents describe and
 * check every request against them: {@code audio} bound to ElevenLabs (a script video whose captions follow the
 * returned character timings), {@code image} and {@code video} bound to fal's queue (a fast video with exactly one
 * video request per scene). No key appears in any log line, event, error or manifest.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VendorProvidersSystemTest {

    private static final String ELEVEN_KEY = "sk_SECRET_eleven_5d1e0c";
    private static final String FAL_KEY = "fal-id:SECRET_fal_77aa";
    private static FakeElevenLabs eleven;
    private static FakeFal fal;

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        eleven = new FakeElevenLabs(ELEVEN_KEY);
        fal = new FakeFal(FAL_KEY).images(VendorRenders::image).videos(VendorRenders::video);
        String dataDir = Files.createTempDirectory("studio-vendor-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "vendor-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "10");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        registry.add("studio.providers.elevenlabs.base-url", eleven::url);
        registry.add("studio.providers.elevenlabs.api-key", () -> ELEVEN_KEY);
        registry.add("studio.providers.elevenlabs.voice-id", () -> "21m00Tcm4TlvDq8ikWAM");
        registry.add("studio.providers.elevenlabs.model-id", () -> "eleven_multilingual_v2");
        registry.add("studio.providers.elevenlabs.output-format", () -> "pcm_22050");
        registry.add("studio.providers.fal.base-url", fal::url);
        registry.add("studio.providers.fal.api-key", () -> FAL_KEY);
        registry.add("studio.providers.fal.poll-interval", () -> "20ms");
        registry.add("studio.providers.elevenlabs.prices.audio.characters", () -> "0.0001");
        registry.add("studio.providers.fal.prices.image.megapixels", () -> "0.025");
        registry.add("studio.providers.fal.prices.video.video-seconds", () -> "0.05");
        registry.add("studio.capabilities.audio", () -> "elevenlabs");
        registry.add("studio.capabilities.image", () -> "fal");
        registry.add("studio.capabilities.video", () -> "fal");
    }

    @AfterAll
    static void stop() {
        eleven.close();
        fal.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "vendor-token");
    }

    private JsonNode run(String mode, Map<String, Object> settings) {
        Map<String, Object> product = Samples.uploaded(api, "kiln-mug");
        product.put("product_id", "kiln-vendor-" + System.nanoTime());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "vendor-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", mode);
        tree.put("prompt", "Cosy autumn evenings");
        tree.put("settings", settings);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("succeeded", "failed")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        return api.get("/v1/jobs/" + id).json();
    }

    @Test
    void aScriptVideoIsVoicedByElevenLabsAndItsCaptionsFollowTheReturnedTimings(CapturedOutput output)
            throws Exception {
        JsonNode job = run("script_video", Map.of("duration_s", 10, "scene_count", 2));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(eleven.violations).isEmpty();
        assertThat(fal.violations).isEmpty();
        assertThat(eleven.keys).isNotEmpty().allMatch(ELEVEN_KEY::equals);
        List<long[]> expected = new ArrayList<>();
        long offset = 0;
        long characters = 0;
        for (int segment = 1; segment <= 2; segment++) {
            JsonNode step = step(job, "voiceover", segment);
            assertThat(step.get("adapter").asString()).isEqualTo("elevenlabs");
            String text = step.get("outputs").get("text").asString();
            characters += text.trim().length();
            JsonNode words = step.get("outputs").get("words");
            // the fake speaks every character of the text in 60 ms: a spoken word lasts from its first character to
            // its last, and each written word takes the timing of what was said for it, a symbol such as "&" included
            // (docs/providers.md)
            List<Long> starts = new ArrayList<>();
            List<Long> ends = new ArrayList<>();
            java.util.regex.Matcher token =
                    java.util.regex.Pattern.compile("\\S+").matcher(text);
            int written = 0;
            while (token.find()) {
                starts.add(token.start() * FakeElevenLabs.CHAR_MS);
                ends.add(token.end() * FakeElevenLabs.CHAR_MS);
                written++;
            }
            assertThat(words.size()).as(words.toString()).isEqualTo(written);
            long previous = -1;
            for (JsonNode word : words) {
                long start = word.get("start_ms").asLong();
                long end = word.get("end_ms").asLong();
                assertThat(starts)
                        .as("%s starts where a spoken word starts", word)
                        .contains(start);
                assertThat(ends).as("%s ends where a spoken word ends", word).contains(end);
                assertThat(start).isGreaterThan(previous);
                String said =
                        text.substring((int) (start / FakeElevenLabs.CHAR_MS), (int) (end / FakeElevenLabs.CHAR_MS));
                assertThat(said).as(word.toString()).contains(word.get("text").asString());
                expected.add(new long[] {offset + start, offset + end});
                previous = start;
            }
            assertThat(step.get("outputs").get("duration_ms").asLong())
                    .isEqualTo(text.length() * FakeElevenLabs.CHAR_MS);
            offset += step.get("outputs").get("duration_ms").asLong();
        }
        // ElevenLabs bills the characters sent: at the configured price per character (docs/providers.md)
        assertThat(job.get("manifest")
                        .get("cost")
                        .get("by_provider")
                        .get("elevenlabs")
                        .asDouble())
                .isCloseTo(characters * 0.0001, within(1e-6));
        JsonNode timed = step(job, "timed_video", 0);
        assertThat(timed.get("outputs").get("speech_ms").asLong()).isEqualTo(offset);
        JsonNode captions = timed.get("outputs").get("captions");
        assertThat(captions.size()).isPositive();
        for (JsonNode caption : captions) {
            long start = caption.get("start_ms").asLong();
            long end = caption.get("end_ms").asLong();
            assertThat(expected).as("caption %s starts on a word", caption).anyMatch(w -> w[0] == start);
            assertThat(expected).as("caption %s ends on a word", caption).anyMatch(w -> w[1] == end);
        }
        assertThat(captions.get(0).get("start_ms").asLong()).isEqualTo(expected.get(0)[0]);
        assertThat(captions.get(captions.size() - 1).get("end_ms").asLong())
                .isEqualTo(expected.get(expected.size() - 1)[1]);
        VideoProbe video = VideoProbe.of(
                api.getBytes(output(job, "final_video").get("url").asString()).body());
        assertThat(video.seconds()).isCloseTo(offset / 1000.0, within(0.2));
        assertThat(video.audioRms()).as("the voice-over is audible").isGreaterThan(0.02);
        assertNoKey(job, output);
    }

    @Test
    void aFastVideoRunsOnFalImagesAndVideosWithOneVideoRequestPerScene(CapturedOutput output) throws Exception {
        int videosBefore = fal.submitted("video");
        JsonNode job = run("fast_video", Map.of("duration_s", 6, "scene_count", 2));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(fal.violations).isEmpty();
        assertThat(fal.submitted("video") - videosBefore).isEqualTo(2);
        assertThat(fal.authorizations).isNotEmpty().allMatch(("Key " + FAL_KEY)::equals);
        double falCost = 0;
        for (JsonNode step : job.get("steps")) {
            for (JsonNode call : step.path("outputs").path("provider_calls")) {
                if (call.get("provider").asString().equals("fal")
                        && call.get("operation").asString().equals("queue/result")) {
                    // a clip of 3 s is asked for as fal's shortest, 5 s, at 0.05 a second
                    double expected = step.get("stage").asString().equals("scene_video")
                            ? 5 * 0.05
                            : call.get("usage").get("megapixels").asDouble() * 0.025;
                    assertThat(call.get("cost").asDouble()).as(call.toString()).isCloseTo(expected, within(1e-6));
                    falCost += expected;
                }
            }
        }
        assertThat(falCost).isGreaterThanOrEqualTo(2 * 5 * 0.05);
        assertThat(job.get("manifest").get("cost").get("by_provider").get("fal").asDouble())
                .isCloseTo(falCost, within(1e-5));
        for (int scene = 1; scene <= 2; scene++) {
            for (String stage : List.of("scene_image", "scene_video")) {
                JsonNode step = step(job, stage, scene);
                assertThat(step.get("adapter").asString()).isEqualTo("fal");
                List<String> operations = new ArrayList<>();
                step.get("outputs")
                        .get("provider_calls")
                        .forEach(call -> operations.add(call.get("operation").asString()));
                assertThat(operations).contains("queue/submit", "queue/status", "queue/result");
            }
        }
        VideoProbe video = VideoProbe.of(
                api.getBytes(output(job, "final_video").get("url").asString()).body());
        assertThat(video.seconds()).isCloseTo(6.0, within(0.2));
        String events =
                api.get("/v1/jobs/" + job.get("id").asString() + "/events").body();
        assertThat(events)
                .as("each request id was written down on its step")
                .contains("remote_job")
                .contains("req-");
        assertNoKey(job, output);
    }

    private void assertNoKey(JsonNode job, CapturedOutput output) {
        String everything = job.toString()
                + api.get("/v1/jobs/" + job.get("id").asString() + "/events").body()
                + output.getAll();
        assertThat(everything)
                .doesNotContain(ELEVEN_KEY)
                .doesNotContain(FAL_KEY)
                .doesNotContain("SECRET");
    }

    private static JsonNode output(JsonNode job, String role) {
        for (JsonNode file : job.get("manifest").get("outputs")) {
            if (file.get("role").asString().equals(role)) {
                return file;
            }
        }
        throw new AssertionError("no " + role + " in " + job);
    }

    private static JsonNode step(JsonNode job, String stage, int scene) {
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)
                    && step.get("scene_order").asInt(0) == scene
                    && step.get("status").asString().equals("succeeded")) {
                return step;
            }
        }
        throw new AssertionError("no succeeded " + stage + " step for scene " + scene);
    }
}
