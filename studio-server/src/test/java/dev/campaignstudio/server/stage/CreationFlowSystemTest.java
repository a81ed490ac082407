package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.media.SampleProducts;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.CountingCapabilities;
import dev.campaignstudio.server.support.CountingCapabilityConfiguration;
import dev.campaignstudio.server.support.ProductPageServer;
import dev.campaignstudio.server.support.Samples;
import java.awt.Color;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The marketing creation flow in embedded mode, with the real local media adapters behind a counter: the identity is
 * built once, reused whole by later jobs of the same product, and rebuilt exactly where an input changed.
 */
@SpringBootTest(
        classes = {StudioApplication.class, CountingCapabilityConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreationFlowSystemTest {

    private static final String SAMPLE = "aurora-bottle";
    private static ProductPageServer pages;

    @LocalServerPort
    int port;

    @Autowired
    CountingCapabilities.Counted counted;

    @Autowired
    AssetRepository assets;

    @Autowired
    BlobStore blobs;

    ApiClient api;
    CreationJobs jobs;

    @BeforeAll
    static void startPages() throws Exception {
        pages = new ProductPageServer();
    }

    @AfterAll
    static void stopPages() {
        pages.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-creation-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "creation-token");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        registry.add("studio.stages.image-long-side", () -> "256");
        // frames of 256 pixels: the fidelity check needs the product some 60 pixels tall or more (docs/fidelity.md)
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "6");
        CountingCapabilityConfiguration.bindAll(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "creation-token");
        jobs = new CreationJobs(api);
    }

    private Map<Capability, Integer> calls() {
        return counted.counter().snapshot();
    }

    private static Map<Capability, Integer> difference(
            Map<Capability, Integer> before, Map<Capability, Integer> after) {
        Map<Capability, Integer> difference = new LinkedHashMap<>();
        after.forEach((capability, count) -> {
            int delta = count - before.getOrDefault(capability, 0);
            if (delta != 0) {
                difference.put(capability, delta);
            }
        });
        return difference;
    }

    private static Map<String, Object> asStrings(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    @Test
    void theIdentityIsBuiltOnceReusedWholeAndRebuiltOnlyWhereAnInputChanged() {
        String link = pages.serve(
                "/products/aurora", ProductPageServer.productPage("Aurora Bottle", "Aurora Goods", "34.90", "EUR"));
        Map<String, Object> product = Samples.uploaded(api, SAMPLE);
        product.put("product_id", "aurora-" + System.nanoTime());
        product.put("link", link);
        int images = ((List<?>) product.get("images")).size();
        assertThat(images).isGreaterThanOrEqualTo(2);

        Map<Capability, Integer> before = calls();
        String first = jobs.submit(product);
        JsonNode firstJob = jobs.finished(first);
        JsonNode identity = jobs.assertIdentity(first, firstJob, true);
        assertThat(CreationJobs.statuses(firstJob).values()).containsOnly("succeeded");
        assertThat(difference(before, calls()))
                .isEqualTo(Map.of(
                        Capability.PRODUCT_ANALYSIS,
                        images + 1,
                        Capability.IMAGE,
                        1,
                        Capability.LINK_READER,
                        1,
                        Capability.STORYBOARD,
                        1));
        assertThat(identity.get("link_facts").get("brand").asString()).isEqualTo("Aurora Goods");
        assertThat(identity.get("link_facts").get("price").asString()).isEqualTo("34.90");
        assertThat(identity.get("link_facts").get("currency").asString()).isEqualTo("EUR");
        JsonNode neutral = CreationJobs.step(firstJob, "neutral_image").get("outputs");
        assertThat(neutral.get("reason").asString())
                .startsWith("image " + neutral.get("chosen_image").asInt());
        assertThat(neutral.get("sources").size()).isEqualTo(images);
        assertThat(CreationJobs.step(firstJob, "neutral_image")
                        .get("inputs")
                        .get("fingerprint")
                        .asString())
                .hasSize(64);

        before = calls();
        String second = jobs.submit(product);
        JsonNode secondJob = jobs.finished(second);
        JsonNode reusedIdentity = jobs.assertIdentity(second, secondJob, true);
        assertThat(difference(before, calls()))
                .as("a second job of the unchanged product calls no capability")
                .isEmpty();
        assertThat(pages.hits("/products/aurora"))
                .as("nor fetches the page again")
                .isEqualTo(1);
        Map<String, String> reused = CreationJobs.statuses(secondJob);
        assertThat(reused)
                .containsEntry("neutral_image", "reused")
                .containsEntry("metadata", "reused")
                .containsEntry("character_sheet", "reused")
                .containsEntry("link_metadata", "reused")
                .containsEntry("storyboard_seeds", "reused")
                .containsEntry("emit", "succeeded");
        assertThat(reusedIdentity.get("neutral_image").get("asset_id"))
                .isEqualTo(identity.get("neutral_image").get("asset_id"));
        assertThat(reusedIdentity.get("character_sheet").get("asset_id"))
                .isEqualTo(identity.get("character_sheet").get("asset_id"));

        Map<String, Object> newPhoto = new LinkedHashMap<>(product);
        List<Object> changed = new ArrayList<>((List<?>) product.get("images"));
        changed.set(
                images - 1,
                Map.of(
                        "uri",
                        Samples.upload(
                                api, "new.jpg", SampleProducts.bottlePhoto(640, 800, new Color(30, 110, 150), 99))));
        newPhoto.put("images", changed);
        before = calls();
        JsonNode thirdJob = jobs.finished(jobs.submit(newPhoto));
        assertThat(thirdJob.get("status").asString()).isEqualTo("succeeded");
        assertThat(CreationJobs.statuses(thirdJob))
                .as("a new photo reruns neutral_image and what is built on it, nothing else")
                .containsEntry("neutral_image", "succeeded")
                .containsEntry("metadata", "succeeded")
                .containsEntry("character_sheet", "succeeded")
                .containsEntry("link_metadata", "reused")
                .containsEntry("storyboard_seeds", "succeeded");
        assertThat(difference(before, calls()))
                .isEqualTo(
                        Map.of(Capability.PRODUCT_ANALYSIS, images + 1, Capability.IMAGE, 1, Capability.STORYBOARD, 1));

        Map<String, Object> newDescription = new LinkedHashMap<>(product);
        Map<String, Object> attributes = asStrings((Map<?, ?>) product.getOrDefault("attributes", Map.of()));
        attributes.put("description", "Now in a limited glacier edition.");
        newDescription.put("attributes", attributes);
        before = calls();
        JsonNode fourthJob = jobs.finished(jobs.submit(newDescription));
        assertThat(CreationJobs.statuses(fourthJob))
                .as("a new description keeps the cut-out and the page facts")
                .containsEntry("neutral_image", "reused")
                .containsEntry("metadata", "succeeded")
                .containsEntry("character_sheet", "succeeded")
                .containsEntry("link_metadata", "reused")
                .containsEntry("storyboard_seeds", "succeeded");
        assertThat(difference(before, calls()))
                .isEqualTo(Map.of(Capability.PRODUCT_ANALYSIS, 1, Capability.IMAGE, 1, Capability.STORYBOARD, 1));
    }

    @Test
    void aCheckpointWhoseFileWasDeletedFromTheStoreIsRebuiltNotReusedAndTheStepSaysWhy() throws Exception {
        Map<String, Object> product = Samples.uploaded(api, SAMPLE);
        product.put("product_id", "aurora-lost-" + System.nanoTime());
        String first = jobs.submit(product);
        JsonNode sheet = jobs.assertIdentity(first, jobs.finished(first), false).get("character_sheet");
        String sheetId = sheet.get("asset_id").asString();
        String sha256 = assets.find(new AssetId(sheetId)).orElseThrow().sha256();
        assertThat(blobs.delete(sha256))
                .as("the sheet's file is taken from the filesystem store")
                .isTrue();

        Map<Capability, Integer> before = calls();
        JsonNode again = jobs.finished(jobs.submit(product));

        assertThat(again.get("status").asString()).isEqualTo("succeeded");
        assertThat(CreationJobs.statuses(again))
                .as("the row is still there, the file is not")
                .containsEntry("neutral_image", "reused")
                .containsEntry("metadata", "reused")
                .containsEntry("character_sheet", "succeeded");
        assertThat(CreationJobs.step(again, "character_sheet")
                        .get("outputs")
                        .get("rebuilt_because")
                        .asString())
                .contains(sheetId)
                .contains("missing from the asset store");
        assertThat(difference(before, calls())).containsEntry(Capability.IMAGE, 1);
        assertThat(blobs.contains(sha256))
                .as("the sheet drawn again is stored again")
                .isTrue();
    }

    @Test
    void theReadmeCreationExampleBuildsTheIdentity() throws Exception {
        String asset = Samples.upload(api, "front.jpg", Samples.photo(SAMPLE, "front.jpg"))
                .substring("asset:".length());
        String body = Files.readString(Samples.folder().resolveSibling("docs/examples/creation.json"))
                .replace("ASSET_ID", asset);
        ApiClient.Response created = api.postJson("/v1/jobs", body);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        String id = created.json().get("id").asString();
        JsonNode identity = jobs.assertIdentity(id, jobs.finished(id), false);
        assertThat(identity.get("metadata").get("brand").asString()).isEqualTo("Aurora");
    }

    @Test
    void aOneColourPhotoUploadsButFailsTheJobAtNeutralImageAsShowingNoProductNotAsInternal() {
        ApiClient.Response uploaded =
                api.upload("file", "flat.png", "image/png", TestImages.flatPng(400, 300, new Color(200, 30, 60)));
        assertThat(uploaded.status())
                .as("a valid image is accepted: " + uploaded.body())
                .isIn(200, 201);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("product_id", "flat-" + System.nanoTime());
        product.put("name", "Nothing to see");
        product.put(
                "images",
                List.of(Map.of("uri", "asset:" + uploaded.json().get("id").asString())));

        JsonNode job = jobs.finished(jobs.submit(product));
        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode error = job.get("error");
        assertThat(error.get("code").asString()).isEqualTo("INPUT_INVALID").isNotEqualTo("INTERNAL");
        assertThat(error.get("stage").asString()).isEqualTo("neutral_image");
        assertThat(error.get("retryable").asBoolean()).isFalse();
        assertThat(error.get("message").asString())
                .isEqualTo("image 1: the photo shows no product that stands apart from its background "
                        + "(it is one flat colour, or the product has the background's colours)");
        assertThat(CreationJobs.step(job, "neutral_image")
                        .get("error")
                        .get("code")
                        .asString())
                .isEqualTo("INPUT_INVALID");
    }

    @Test
    void withoutALinkThereIsNoLinkStageAndAnOutputJobOfTheProductReusesTheIdentity() {
        Map<String, Object> product = Samples.uploaded(api, SAMPLE);
        product.put("product_id", "aurora-output-" + System.nanoTime());
        String creation = jobs.submit(product);
        jobs.assertIdentity(creation, jobs.finished(creation), false);

        List<String> identityCalls = List.of("cutOut", "analyze", "sheet", "concepts", "read");
        Map<String, Integer> before = new LinkedHashMap<>();
        identityCalls.forEach(m -> before.put(m, counted.counter().calls(m)));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("contract_version", 2);
        output.put("job_type", "marketing_output");
        output.put("idempotency_key", "output-" + System.nanoTime());
        output.put("product", product);
        output.put("mode", "fast_video");
        output.put("prompt", "Autumn hiking campaign, warm light");
        output.put("settings", Map.of("duration_s", 5, "scene_count", 2));
        ApiClient.Response created = api.postJson("/v1/jobs", output);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode job = jobs.finished(created.json().get("id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        Map<String, String> statuses = CreationJobs.statuses(job);
        for (String stage : List.of("neutral_image", "metadata", "character_sheet", "storyboard_seeds")) {
            assertThat(statuses).containsEntry(stage, "reused");
        }
        assertThat(statuses).doesNotContainKey("link_metadata");
        Map<String, Integer> after = new LinkedHashMap<>();
        identityCalls.forEach(m -> after.put(m, counted.counter().calls(m)));
        assertThat(after)
                .as("the identity stages of an output job call no capability")
                .isEqualTo(before);
    }
}
