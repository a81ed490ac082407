package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CountingCapabilities;
import dev.campaignstudio.server.support.CountingCapabilityConfiguration;
import dev.campaignstudio.server.support.Samples;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each output mode end to end in embedded mode on a sample product, at small render sizes, with the real local media
 * adapters behind a counter: the outputs are decoded and checked, and every job shares the product's identity.
 */
@SpringBootTest(
        classes = {StudioApplication.class, CountingCapabilityConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutputModesSystemTest {

    static final int VIDEO_LONG_SIDE = 256;
    static final int FPS = 10;
    private static Map<String, Object> product;
    private static int images;

    @LocalServerPort
    int port;

    @Autowired
    CountingCapabilities.Counted counted;

    ApiClient api;
    OutputJobs jobs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-modes-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "modes-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> String.valueOf(VIDEO_LONG_SIDE));
        registry.add("studio.stages.fps", () -> String.valueOf(FPS));
        CountingCapabilityConfiguration.bindAll(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "modes-token");
        jobs = new OutputJobs(api);
        synchronized (OutputModesSystemTest.class) {
            if (product == null) {
                product = Samples.uploaded(api, "aurora-bottle");
                product.put("product_id", "aurora-modes-" + System.nanoTime());
                images = ((List<?>) product.get("images")).size();
            }
        }
    }

    /**
     * Every scene image and clip the job asked for carried the product's character sheet, the job's
     * {@code character_sheet} file, beside the cut-out (docs/identity.md).
     */
    private void assertEveryImageAndClipCarriedTheSheet(JsonNode job, int images, int clips) {
        String sheetId = OutputJobs.step(job, "character_sheet")
                .get("outputs")
                .get("character_sheet")
                .asString();
        byte[] sheet = api.getBytes("/v1/assets/" + sheetId).body();
        assertThat(sheet).isNotEmpty();
        List<ImageRequest> imageRequests = counted.counter().requests(ImageRequest.class);
        List<VideoRequest> clipRequests = counted.counter().requests(VideoRequest.class);
        assertThat(imageRequests).hasSizeGreaterThanOrEqualTo(images);
        assertThat(clipRequests).hasSizeGreaterThanOrEqualTo(clips);
        assertThat(imageRequests)
                .allSatisfy(r -> assertThat(r.sheetPng()).as("image request").isEqualTo(sheet));
        assertThat(clipRequests)
                .allSatisfy(r -> assertThat(r.sheetPng()).as("clip request").isEqualTo(sheet));
    }

    /** However many jobs of however many modes ran, the product was cut out and described once. */
    private void assertTheIdentityWasBuiltOnce() {
        assertThat(counted.counter().calls(Capability.PRODUCT_ANALYSIS)).isEqualTo(images + 1);
    }

    @Test
    void anImageBundleHasEverySceneInEveryAspectAContactSheetAManifestAndAZip() throws Exception {
        counted.counter().record();
        JsonNode job = jobs.imageBundle(product, VIDEO_LONG_SIDE);
        assertEveryImageAndClipCarriedTheSheet(job, 4, 0);
        assertTheIdentityWasBuiltOnce();
    }

    @Test
    void aFastVideoLastsTheRequestedTimeWithCutsOnTheBeatAndMusic() throws Exception {
        counted.counter().record();
        JsonNode job = jobs.fastVideo(product, VIDEO_LONG_SIDE);
        assertEveryImageAndClipCarriedTheSheet(job, 2, 2);
        assertTheIdentityWasBuiltOnce();
    }

    @Test
    void aScriptVideoIsAsLongAsItsSpeechWithWordTimedCaptions() throws Exception {
        counted.counter().record();
        JsonNode job = jobs.scriptVideo(product, VIDEO_LONG_SIDE);
        assertEveryImageAndClipCarriedTheSheet(job, 2, 2);
        assertTheIdentityWasBuiltOnce();
    }

    @Test
    void aUgcVideoIsASelfieCutOfPresenterAndProductShotsAsLongAsItsLines() throws Exception {
        counted.counter().record();
        JsonNode job = jobs.ugc(product, VIDEO_LONG_SIDE);
        assertEveryImageAndClipCarriedTheSheet(job, 1, 1);
        assertTheIdentityWasBuiltOnce();
    }
}
