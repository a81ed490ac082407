package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.VideoProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;

/** Submits and checks output jobs. */
final class OutputJobs {

    private final ApiClient api;
    private final CreationJobs creation;

    OutputJobs(ApiClient api) {
        this.api = api;
        this.creation = new CreationJobs(api);
    }

    JsonNode run(Map<String, Object> product, String mode, Map<String, Object> settings) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", mode + "-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", mode);
        tree.put("prompt", "Summer launch: bright, upbeat, beach vibes");
        tree.put("settings", settings);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode job = creation.finished(created.json().get("id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    /** An image bundle of 2 scenes in 1:1 and 9:16: every image decodes at its aspect; the contact sheet, manifest and ZIP are complete. */
    JsonNode imageBundle(Map<String, Object> product, int videoLongSide) throws Exception {
        JsonNode job = run(product, "image_bundle", Map.of("scene_count", 2, "aspects", List.of("1:1", "9:16")));

        List<JsonNode> bundle = outputs(job, "bundle_image");
        assertThat(bundle).hasSize(4);
        for (JsonNode image : bundle) {
            BufferedImage decoded = image(image);
            assertThat(decoded.getWidth()).isEqualTo(image.get("width").asInt());
        }
        assertThat(bundle).extracting(i -> i.get("scene_order").asInt()).containsExactly(1, 1, 2, 2);
        assertThat(bundle.stream()
                        .map(i -> i.get("width").asInt() * 16 == i.get("height").asInt() * 9
                                ? "9:16"
                                : i.get("width").asInt() == i.get("height").asInt() ? "1:1" : "other")
                        .toList())
                .containsExactly("1:1", "9:16", "1:1", "9:16");
        image(outputs(job, "contact_sheet").get(0));
        JsonNode manifest =
                ApiClient.JSON.readTree(bytes(outputs(job, "bundle_manifest").get(0)));
        assertThat(manifest.get("images").size()).isEqualTo(4);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(
                new ByteArrayInputStream(bytes(outputs(job, "bundle_zip").get(0))))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries)
                .contains("manifest.json", "contact-sheet.png", "scene-01-1x1.png", "scene-02-9x16.png")
                .hasSize(6);
        return job;
    }

    /** A 5-second fast video of 2 scenes: it lasts 5 s, cuts on the beat, has music and captions inside it. */
    JsonNode fastVideo(Map<String, Object> product, int videoLongSide) throws Exception {
        JsonNode job = run(product, "fast_video", Map.of("duration_s", 5, "scene_count", 2));
        Map<String, List<String>> seeds = new LinkedHashMap<>();
        for (JsonNode seed : step(job, "storyboard_seeds").get("outputs").get("concepts")) {
            List<String> ideas = new ArrayList<>();
            seed.get("scene_ideas").forEach(i -> ideas.add(i.asString()));
            seeds.put(seed.get("title").asString(), ideas);
        }
        for (JsonNode scene : step(job, "storyboard").get("outputs").get("scenes")) {
            String concept = scene.get("seed_concept").asString();
            assertThat(seeds)
                    .as("each scene reads one of the product's storyboard seeds")
                    .containsKey(concept);
            assertThat(seeds.get(concept)).contains(scene.get("shot").asString());
        }
        VideoProbe video = VideoProbe.of(bytes(outputs(job, "final_video").get(0)));
        assertThat(video.seconds()).isCloseTo(5.0, within(0.2));
        assertThat(video.width() * 16).isEqualTo(video.height() * 9);
        assertThat(video.height()).isEqualTo(videoLongSide);
        assertThat(video.audioCodec()).isNotNull();
        assertThat(video.audioRms()).as("the music bed is audible").isGreaterThan(0.01);
        JsonNode scenes = step(job, "storyboard").get("outputs").get("scenes");
        for (JsonNode scene : scenes) {
            assertThat(scene.get("start_ms").asLong() % 500)
                    .as("cuts on the beat of 120 BPM")
                    .isZero();
        }
        JsonNode first = scenes.get(0);
        JsonNode last = scenes.get(1);
        assertThat(last.get("start_ms").asLong())
                .as("scenes follow each other")
                .isEqualTo(first.get("start_ms").asLong()
                        + first.get("duration_ms").asLong());
        // docs/modes.md: a clip lasts 250 ms longer than its planned time, the last scene excepted
        assertThat(step(job, "scene_video", 1).get("outputs").get("duration_ms").asLong())
                .isEqualTo(first.get("duration_ms").asLong() + 250);
        assertThat(step(job, "scene_video", 2).get("outputs").get("duration_ms").asLong())
                .isEqualTo(last.get("duration_ms").asLong());
        assertCaptionsInside(step(job, "stitch"), video.seconds());
        return job;
    }

    /** A script video of 2 segments: as long as its speech, voiced, captioned inside it. */
    JsonNode scriptVideo(Map<String, Object> product, int videoLongSide) throws Exception {
        JsonNode job = run(product, "script_video", Map.of("duration_s", 10, "scene_count", 2));
        JsonNode seeds = step(job, "storyboard_seeds").get("outputs").get("concepts");
        JsonNode segments = step(job, "script").get("outputs").get("segments");
        for (int i = 0; i < segments.size(); i++) {
            // docs/modes.md: segment i takes seed i % n: its title, its first shot idea and, with style auto, its look
            JsonNode seed = seeds.get(i % seeds.size());
            JsonNode segment = segments.get(i);
            assertThat(segment.get("seed_concept").asString())
                    .isEqualTo(seed.get("title").asString());
            assertThat(segment.get("shot").asString())
                    .isEqualTo(seed.get("scene_ideas").get(0).asString());
            assertThat(step(job, "segment_image", i + 1)
                            .get("outputs")
                            .get("style")
                            .asString())
                    .isEqualTo(seed.get("style").asString());
        }
        assertThat(segments.get(0).get("text").asString())
                .as("the hook is the first seed's")
                .startsWith(seeds.get(0).get("hook").asString());
        // the description is said when the script has time for it after the seeds' hooks (a 10-second script of two
        // segments often has none): TemplateWritersTest checks that rule on a script long enough to say it

        JsonNode timed = step(job, "timed_video");
        double speech = timed.get("outputs").get("speech_ms").asLong() / 1000.0;
        VideoProbe video = VideoProbe.of(bytes(outputs(job, "final_video").get(0)));
        assertThat(video.seconds()).isCloseTo(speech, within(0.2));
        assertThat(video.audioSeconds()).isCloseTo(speech, within(0.3));
        assertThat(video.audioRms()).as("the voice-over is audible").isGreaterThan(0.02);
        assertThat(outputs(job, "voiceover")).isEmpty();
        assertThat(step(job, "voiceover", 1).get("outputs").get("words").size()).isPositive();
        assertCaptionsInside(timed, video.seconds());
        return job;
    }

    /** A UGC video of 3 shots: as long as its lines, 9:16, one shot of each kind made on the avatar queue, captioned inside it. */
    JsonNode ugc(Map<String, Object> product, int videoLongSide) throws Exception {
        JsonNode job = run(product, "ugc", Map.of("duration_s", 8, "scene_count", 3));

        JsonNode assemble = step(job, "assemble");
        double speech = assemble.get("outputs").get("speech_ms").asLong() / 1000.0;
        VideoProbe video = VideoProbe.of(bytes(outputs(job, "final_video").get(0)));
        assertThat(video.seconds()).isCloseTo(speech, within(0.2));
        assertThat(video.width() * 16).isEqualTo(video.height() * 9);
        assertThat(video.audioRms()).isGreaterThan(0.02);
        List<String> kinds = new ArrayList<>();
        for (int shot = 1; shot <= 3; shot++) {
            JsonNode media = step(job, "ugc_media", shot);
            assertThat(media.get("queue").asString()).isEqualTo("avatar");
            kinds.add(media.get("outputs").get("kind").asString());
        }
        assertThat(kinds).containsExactlyInAnyOrder("talking", "product_closeup", "presenter_with_product");
        JsonNode written = step(job, "script_storyboard").get("outputs");
        JsonNode seeds = step(job, "storyboard_seeds").get("outputs").get("concepts");
        for (int i = 0; i < written.get("shots").size(); i++) {
            JsonNode seed = seeds.get(i % seeds.size());
            JsonNode shot = written.get("shots").get(i);
            assertThat(shot.get("seed_concept").asString())
                    .isEqualTo(seed.get("title").asString());
            assertThat(shot.get("direction").asString())
                    .as("each shot shows its seed's idea")
                    .contains(seed.get("scene_ideas").get(0).asString());
            if (i > 0) {
                assertThat(shot.get("line").asString())
                        .startsWith(seed.get("hook").asString());
            }
        }
        assertThat(written.get("variants").size()).as("three scripts written").isEqualTo(3);
        double best = 0;
        for (JsonNode variant : written.get("variants")) {
            best = Math.max(best, variant.get("score").asDouble());
            boolean selected = variant.get("selected").asBoolean();
            assertThat(selected)
                    .isEqualTo(variant.get("variant")
                            .asString()
                            .equals(written.get("selected").asString()));
            assertThat(variant.has("file")).as("the others are kept as files").isEqualTo(!selected);
        }
        assertThat(written.get("score").asDouble())
                .as("the best is the video's")
                .isEqualTo(best);
        assertThat(kinds.get(0)).isEqualTo("talking");
        assertCaptionsInside(assemble, video.seconds());
        return job;
    }

    static List<JsonNode> outputs(JsonNode job, String role) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode output : job.get("manifest").get("outputs")) {
            if (output.get("role").asString().equals(role)) {
                found.add(output);
            }
        }
        return found;
    }

    static JsonNode step(JsonNode job, String stage) {
        return CreationJobs.step(job, stage);
    }

    static JsonNode step(JsonNode job, String stage, int scene) {
        for (JsonNode step : job.get("steps")) {
            if (step.get("stage").asString().equals(stage)
                    && step.get("scene_order").asInt() == scene
                    && step.get("status").asString().equals("succeeded")) {
                return step;
            }
        }
        throw new AssertionError("no succeeded " + stage + " step for scene " + scene);
    }

    static void assertCaptionsInside(JsonNode step, double seconds) {
        JsonNode captions = step.get("outputs").get("captions");
        assertThat(captions.size()).isPositive();
        for (JsonNode caption : captions) {
            assertThat(caption.get("start_ms").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(caption.get("end_ms").asLong() / 1000.0)
                    .as(caption.toString())
                    .isLessThanOrEqualTo(seconds + 0.05);
        }
    }

    byte[] bytes(JsonNode output) {
        return api.getBytes(output.get("url").asString()).body();
    }

    BufferedImage image(JsonNode output) {
        return creation.image(output.get("asset_id").asString());
    }
}
