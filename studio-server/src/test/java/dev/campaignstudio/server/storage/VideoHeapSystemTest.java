package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.asset.DigitalSourceType;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.HeapSampler;
import dev.campaignstudio.server.support.LargeTransfers;
import dev.campaignstudio.server.support.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A {@code fast_video} job whose three scene clips are 80 MB each and whose final video is 240 MB (the {@link
 * BulkyVideos} adapter: the data path, not the encoder), then the final video fetched by its {@code download_url}: the
 * JVM's live heap, sampled after full collections all through, grows by less than 64 MB, less than one clip. A stage
 * that read a clip into memory, stored a video from a byte array or served it whole would fail this.
 */
@SpringBootTest(
        classes = {StudioApplication.class, VideoHeapSystemTest.Adapter.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class VideoHeapSystemTest {

    private static final String TOKEN = "video-heap-token";
    private static final long LIMIT = 64L * 1024 * 1024;
    private static final int SCENES = 3;
    private static Path work;

    @LocalServerPort
    int port;

    @Autowired
    BulkyVideos bulky;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        work = Files.createTempDirectory("studio-video-heap");
        registry.add("studio.data-dir", () -> work.resolve("data").toString());
        registry.add("studio.storage.type", () -> "filesystem");
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.stages.image-long-side", () -> "256");
        registry.add("studio.stages.video-long-side", () -> "160");
        registry.add("studio.stages.fps", () -> "8");
        registry.add("studio.capabilities.video", () -> BulkyVideos.NAME);
        registry.add("studio.capabilities.stitch", () -> BulkyVideos.NAME);
        registry.add("studio.capabilities.fidelity", () -> BulkyVideos.NAME);
    }

    @AfterAll
    static void delete() throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFastVideoOfTwoHundredFortyMegabytesIsMadeStoredAndServedWithHeapGrowthUnderOneClip() throws Exception {
        ApiClient api = new ApiClient(port, TOKEN);
        Map<String, Object> product = Samples.uploaded(api, "aurora-bottle");

        HeapSampler heap = HeapSampler.start();
        JsonNode video;
        LargeTransfers.Streamed fetched;
        try {
            String id = submit(api, product);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> List.of("succeeded", "failed", "cancelled")
                            .contains(api.get("/v1/jobs/" + id)
                                    .json()
                                    .get("status")
                                    .asString()));
            JsonNode job = api.get("/v1/jobs/" + id).json();
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
            video = finalVideo(job);
            fetched = LargeTransfers.download(video.get("download_url").asString(), null);
        } finally {
            heap.stop();
        }

        // the stitched clips, each stored clip and the final video carrying the IPTC label that storing appends as one
        // XMP uuid box at the end of the file (docs/providers.md); the fake stitch concatenates the stored clips
        long size = (long) SCENES * BulkyVideos.CLIP_BYTES;
        int label = 8 + 16 + DigitalSourceType.COMPOSITE_SYNTHETIC.xmp().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bulky.clipsInMemory)
                .as("clips handed to the stitch or the fidelity check in memory")
                .hasValue(0);
        assertThat(video.get("bytes").asLong()).isBetween(size + label, size + (SCENES + 1L) * label);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.bytes()).isEqualTo(video.get("bytes").asLong());
        assertThat(fetched.sha256()).isEqualTo(video.get("sha256").asString());
        assertThat(heap.samples()).as("the heap was measured during the job").isGreaterThan(2);
        assertThat(heap.growth())
                .as("live heap growth while making and serving a %d-byte video (baseline %d)", size, heap.baseline())
                .isLessThan(LIMIT);
        System.out.printf(
                "fast_video data path: final video %d bytes, live heap growth %d bytes (baseline %d, "
                        + "%d samples)%n",
                size, heap.growth(), heap.baseline(), heap.samples());
        try (Stream<Path> left = Files.list(work.resolve("data").resolve("tmp"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("bulky-")
                                    || p.getFileName().toString().startsWith("studio-asset"))
                            .toList())
                    .as("clips, the stitched video and downloaded clips are deleted once stored")
                    .isEmpty();
        }
    }

    private static String submit(ApiClient api, Map<String, Object> product) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "video-heap-" + System.nanoTime());
        tree.put("product", product);
        tree.put("mode", "fast_video");
        tree.put("prompt", "Launch day");
        tree.put("settings", Map.of("scene_count", SCENES, "duration_s", 6));
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static JsonNode finalVideo(JsonNode job) {
        for (JsonNode output : job.get("manifest").get("outputs")) {
            if ("final_video".equals(output.get("role").asString())) {
                return output;
            }
        }
        throw new AssertionError("no final_video in " + job.get("manifest"));
    }

    /** The bulky adapter, writing into the service's temporary directory. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Adapter {

        @Bean
        BulkyVideos bulkyVideos(TempFiles temp, LocalMedia local) {
            return new BulkyVideos(temp, local);
        }
    }
}
