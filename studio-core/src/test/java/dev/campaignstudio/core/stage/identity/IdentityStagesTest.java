package dev.campaignstudio.core.stage.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.application.ImageValidator;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.LinkReader.PageFacts;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.fixtures.EngineHarness;
import dev.campaignstudio.core.fixtures.FakeCapabilities;
import dev.campaignstudio.core.fixtures.FakeImageDecoder;
import dev.campaignstudio.core.fixtures.FakeWeb;
import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.out.WebFetcher.Fetch;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import dev.campaignstudio.core.stage.SourceImages;
import java.awt.Color;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identity stages through the real engine over in-memory stores, with counting stand-ins for the capabilities. */
class IdentityStagesTest {

    private static final String PHOTO = "https://cdn.example.com/p/bottle.png";
    private static final String SIDE = "https://cdn.example.com/p/side.png";
    private static final String PAGE = "https://shop.example.com/aurora";

    private final FakeCapabilities fake = new FakeCapabilities();
    private final FakeWeb web = new FakeWeb()
            .serve(PHOTO, TestImages.png(64, 80, Color.BLUE))
            .serve(SIDE, TestImages.png(90, 120, Color.BLUE));
    private final FakeImageDecoder decoder = new FakeImageDecoder();
    private final EngineHarness harness = new EngineHarness(PipelineRouter.standard(), h -> {
        Map<Capability, String> bindings = new EnumMap<>(Capability.class);
        fake.capabilities().forEach(c -> bindings.put(c, fake.name()));
        Capabilities capabilities = new Capabilities(CapabilityRegistry.bind(bindings, List.of(fake)));
        SourceImages sources = new SourceImages(
                h.assets, h.assets, web, new ImageValidator(decoder, 10_000_000), 1_000_000, Duration.ofSeconds(5));
        return new StageHandlers(IdentityStages.handlers(capabilities, sources, h.checkpoints, Duration.ofHours(24)));
    });

    @AfterEach
    void close() {
        harness.close();
    }

    private RequestFixture creation() {
        return RequestFixture.creation()
                .with("idempotency_key", "k-" + UUID.randomUUID())
                .with("product.images.1", new LinkedHashMap<>(Map.of("uri", SIDE)))
                .with("product.link", PAGE);
    }

    private Job run(RequestFixture request) {
        Job job = harness.submit(request.tree());
        harness.drain();
        return harness.job(job);
    }

    private Map<String, StepStatus> statuses(Job job) {
        Map<String, StepStatus> statuses = new LinkedHashMap<>();
        JobPlanner.latest(harness.steps.forJob(job.id())).values().forEach(s -> statuses.put(s.stage(), s.status()));
        return statuses;
    }

    private StepRecord step(Job job, String stage) {
        return JobPlanner.latest(harness.steps.forJob(job.id())).values().stream()
                .filter(s -> s.stage().equals(stage))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCreationJobBuildsTheWholeIdentityAndTheCompletedEventCarriesIt() {
        Job job = run(creation());

        assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(statuses(job))
                .containsOnlyKeys(
                        "neutral_image", "metadata", "character_sheet", "link_metadata", "storyboard_seeds", "emit")
                .allSatisfy((stage, status) -> assertThat(status).isEqualTo(StepStatus.SUCCEEDED));
        StepRecord neutral = step(job, "neutral_image");
        assertThat(neutral.outputs().get("chosen_image"))
                .as("the larger photo wins (the fake's sharpness is its size)")
                .isEqualTo(2);
        assertThat(neutral.assets())
                .extracting(StepRecord.StepAsset::role)
                .containsExactlyInAnyOrder("cutout", "neutral_image");
        assertThat(neutral.inputs()).containsKeys("sources", "product_analysis", "fingerprint");
        assertThat(fake.calls("cutOut")).isEqualTo(2);
        assertThat(fake.calls("read")).isEqualTo(1);

        Map<?, ?> identity = (Map<?, ?>) ((Map<?, ?>) job.manifest().get("result")).get("identity");
        assertThat(((Map<?, ?>) identity.get("neutral_image")).get("url"))
                .isEqualTo("/v1/assets/" + neutral.outputs().get("neutral_image"));
        assertThat(((Map<?, ?>) identity.get("link_facts")).get("brand")).isEqualTo("Aurora Goods");
        assertThat((List<?>) identity.get("storyboard_seeds")).hasSize(5);
        assertThat(identity.get("metadata").toString()).doesNotContain("fingerprint");
        List<String> roles = ((List<?>) job.manifest().get("outputs"))
                .stream().map(o -> String.valueOf(((Map<?, ?>) o).get("role"))).toList();
        assertThat(roles).containsExactly("neutral_image", "character_sheet");
    }

    @Test
    void aSecondJobOfTheSameProductReusesEveryStageWithoutCallingAnything() {
        Job first = run(creation());
        int calls = fake.total();

        Job second = run(creation());

        assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(fake.total()).isEqualTo(calls);
        assertThat(statuses(second))
                .containsEntry("neutral_image", StepStatus.REUSED)
                .containsEntry("metadata", StepStatus.REUSED)
                .containsEntry("character_sheet", StepStatus.REUSED)
                .containsEntry("link_metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.REUSED)
                .containsEntry("emit", StepStatus.SUCCEEDED);
        assertThat(step(second, "character_sheet").assets())
                .isEqualTo(step(first, "character_sheet").assets());
        assertThat(step(second, "character_sheet").inputs().get("fingerprint"))
                .isEqualTo(step(first, "character_sheet").inputs().get("fingerprint"));
    }

    @Test
    void anotherCallerBuildsItsOwnIdentityAndReusesOnlyThat() {
        run(creation());
        Job shop = harness.submit(creation().tree(), "shop");
        harness.drain();
        assertThat(statuses(harness.job(shop)).values())
                .as("nothing of the default caller's")
                .doesNotContain(StepStatus.REUSED);
        Job again = harness.submit(creation().tree(), "shop");
        harness.drain();
        assertThat(statuses(harness.job(again)))
                .containsEntry("neutral_image", StepStatus.REUSED)
                .containsEntry("character_sheet", StepStatus.REUSED);
        assertThat(step(harness.job(again), "character_sheet").assets())
                .isEqualTo(step(harness.job(shop), "character_sheet").assets());
    }

    @Test
    void newBytesAtTheSameUrlRerunTheCutOutAndWhatIsBuiltOnItButNotThePage() {
        run(creation());
        web.serve(SIDE, TestImages.png(90, 120, Color.RED));

        Job changed = run(creation());

        assertThat(statuses(changed))
                .containsEntry("neutral_image", StepStatus.SUCCEEDED)
                .containsEntry("metadata", StepStatus.SUCCEEDED)
                .containsEntry("character_sheet", StepStatus.SUCCEEDED)
                .containsEntry("link_metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.SUCCEEDED);
        assertThat(fake.calls("read")).isEqualTo(1);
    }

    @Test
    void aChangedAttributeRerunsMetadataAndWhatIsBuiltOnItButNotTheCutOut() {
        run(creation());

        Job changed =
                run(creation().with("product.attributes", new LinkedHashMap<>(Map.of("brand", "Aurora Outdoor"))));

        assertThat(statuses(changed))
                .containsEntry("neutral_image", StepStatus.REUSED)
                .containsEntry("metadata", StepStatus.SUCCEEDED)
                .containsEntry("character_sheet", StepStatus.SUCCEEDED)
                .containsEntry("link_metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.SUCCEEDED);
        assertThat(fake.calls("cutOut")).isEqualTo(2);
    }

    @Test
    void anotherProductOrANewAdapterVersionReusesNothing() {
        run(creation());
        int cutOuts = fake.calls("cutOut");

        Job other = run(creation().with("product.product_id", "sku-other"));
        assertThat(statuses(other)).containsEntry("neutral_image", StepStatus.SUCCEEDED);

        fake.upgrade("2");
        Job upgraded = run(creation());
        assertThat(statuses(upgraded).values()).doesNotContain(StepStatus.REUSED);
        assertThat(fake.calls("cutOut")).isEqualTo(cutOuts + 4);
    }

    @Test
    void aPageThatCouldNotBeReadWarnsWithoutFailingAndIsReadAgainNextTime() {
        fake.pages(uri -> new PageFacts(null, null, null, null, null, null, "the page is larger than 2097152 bytes"));
        Job job = run(creation());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(step(job, "link_metadata").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(job, "link_metadata").outputs())
                .containsEntry("warning", "the page is larger than 2097152 bytes");
        assertThat((List<?>) ((Map<?, ?>) ((Map<?, ?>) job.manifest().get("result")).get("identity"))
                        .get("storyboard_seeds"))
                .hasSize(4);

        run(creation());
        assertThat(fake.calls("read"))
                .as("facts read with a warning are not kept")
                .isEqualTo(2);
    }

    @Test
    void pageFactsAreReadAgainOnceTheyAreOlderThanTheirMaximumAge() {
        run(creation());
        harness.clock.advance(Duration.ofHours(25));

        Job later = run(creation());

        assertThat(step(later, "link_metadata").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(later, "neutral_image").status()).isEqualTo(StepStatus.REUSED);
        assertThat(fake.calls("read")).isEqualTo(2);

        Job next = run(creation());
        assertThat(step(next, "link_metadata").status())
                .as("the fresh facts replaced the old ones")
                .isEqualTo(StepStatus.REUSED);
        assertThat(fake.calls("read")).isEqualTo(2);
    }

    @Test
    void aCheckpointWhoseFilesAreGoneIsMadeAgainAndWhatDrawsItRerunsToo() {
        Job first = run(creation());
        step(first, "neutral_image").assets().forEach(a -> harness.assets.forget(new AssetId(a.assetId())));

        Job again = run(creation());

        assertThat(statuses(again))
                .containsEntry("neutral_image", StepStatus.SUCCEEDED)
                .containsEntry("character_sheet", StepStatus.SUCCEEDED)
                .containsEntry("link_metadata", StepStatus.REUSED);
        assertThat(statuses(again))
                .as("the same photos keep the same description")
                .containsEntry("metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.REUSED);
        assertThat(step(again, "metadata").inputs().get("neutral_image"))
                .as("metadata names what the cut-out was made from")
                .isEqualTo(step(again, "neutral_image").outputs().get("fingerprint"));
        assertThat(step(again, "character_sheet").inputs().get("neutral_image"))
                .as("the sheet names the cut-out it draws")
                .isEqualTo(step(again, "neutral_image").id().value());

        Job third = run(creation());
        assertThat(statuses(third).values())
                .as("the remade checkpoints are the ones kept")
                .containsOnly(StepStatus.REUSED, StepStatus.SUCCEEDED);
        assertThat(step(third, "neutral_image").status()).isEqualTo(StepStatus.REUSED);
        assertThat(step(third, "character_sheet").assets())
                .isEqualTo(step(again, "character_sheet").assets());
    }

    @Test
    void aCheckpointWhoseBlobWasDeletedIsRebuiltNotReusedAndTheStepSaysWhy() throws Exception {
        Job first = run(creation());
        StepRecord.StepAsset cutOut = step(first, "neutral_image").assets().get(0);
        String sha256 =
                harness.assets.find(new AssetId(cutOut.assetId())).orElseThrow().sha256();
        assertThat(harness.assets.delete(sha256)).isTrue();

        Job again = run(creation());

        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(step(again, "neutral_image").status())
                .as("the row is still there, the blob is not")
                .isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(again, "neutral_image").outputs().get(CheckpointedStage.REBUILT_BECAUSE))
                .asString()
                .contains(cutOut.assetId())
                .contains("missing from the asset store");
        assertThat(harness.assets.contains(sha256))
                .as("the rebuilt cut-out is stored again (same fake bytes)")
                .isTrue();
        assertThat(step(again, "metadata").status()).isEqualTo(StepStatus.REUSED);
    }

    @Test
    void aRetryOfTheCutOutRedoesItAndWhatDrawsItKeepsTheDescriptionAndLaterJobsTakeTheNewCutOut() {
        Job first = run(creation());
        int cutOuts = fake.calls("cutOut");
        int analyses = fake.calls("analyze");
        int concepts = fake.calls("concepts");

        Job retry = run(RequestFixture.retry(first.id().value(), "neutral_image")
                .with("idempotency_key", "r-" + UUID.randomUUID()));

        assertThat(retry.status()).as(String.valueOf(retry.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(step(retry, "neutral_image").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(fake.calls("cutOut")).as("each photo cut out again").isEqualTo(cutOuts + 2);
        assertThat(step(retry, "character_sheet").status())
                .as("it draws the cut-out")
                .isEqualTo(StepStatus.SUCCEEDED);
        assertThat(statuses(retry))
                .containsEntry("metadata", StepStatus.REUSED)
                .containsEntry("link_metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.REUSED)
                .containsEntry("emit", StepStatus.SUCCEEDED);
        assertThat(fake.calls("analyze")).isEqualTo(analyses);
        assertThat(fake.calls("concepts")).isEqualTo(concepts);
        assertThat(step(retry, "metadata").outputs())
                .isEqualTo(step(first, "metadata").outputs());

        Job later = run(creation());
        assertThat(step(later, "neutral_image").assets())
                .isEqualTo(step(retry, "neutral_image").assets());
        assertThat(step(later, "character_sheet").status())
                .as("the retry's sheet is the product's latest")
                .isEqualTo(StepStatus.REUSED);
    }

    @Test
    void aRetryOfTheStoryboardOfACreationJobRedoesTheSeedsAndKeepsTheMetadata() {
        Job first = run(creation());
        int analyses = fake.calls("analyze");
        int concepts = fake.calls("concepts");

        Job retry = run(RequestFixture.retry(first.id().value(), "storyboard")
                .with("idempotency_key", "s-" + UUID.randomUUID()));

        assertThat(retry.status()).as(String.valueOf(retry.error())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(statuses(retry))
                .containsEntry("neutral_image", StepStatus.REUSED)
                .containsEntry("metadata", StepStatus.REUSED)
                .containsEntry("character_sheet", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.SUCCEEDED);
        assertThat(fake.calls("concepts")).isEqualTo(concepts + 1);
        assertThat(fake.calls("analyze")).isEqualTo(analyses);
    }

    @Test
    void withoutALinkThereIsNoLinkStepAndFourSeeds() {
        Job job = run(creation().without("product.link"));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(statuses(job)).doesNotContainKey("link_metadata");
        assertThat(fake.calls("read")).isZero();
        Map<?, ?> identity = (Map<?, ?>) ((Map<?, ?>) job.manifest().get("result")).get("identity");
        assertThat(identity.get("link_facts")).isNull();
        assertThat((List<?>) identity.get("storyboard_seeds")).hasSize(4);
    }

    @Test
    void anOutputJobReusesTheIdentityOfItsProduct() {
        run(creation());
        int calls = fake.total();

        Job output = harness.submit(RequestFixture.output("image_bundle")
                .with("idempotency_key", "o-" + UUID.randomUUID())
                .with("product.images.1", new LinkedHashMap<>(Map.of("uri", SIDE)))
                .with("product.link", PAGE)
                .tree());
        harness.drain();

        assertThat(statuses(harness.job(output)))
                .containsEntry("neutral_image", StepStatus.REUSED)
                .containsEntry("metadata", StepStatus.REUSED)
                .containsEntry("character_sheet", StepStatus.REUSED)
                .containsEntry("link_metadata", StepStatus.REUSED)
                .containsEntry("storyboard_seeds", StepStatus.REUSED);
        assertThat(fake.total()).isEqualTo(calls);
    }

    @Test
    void aMissingPhotoFailsTheJobAtNeutralImageAndAServerErrorIsRetried() {
        web.answer(SIDE, new Fetch.Status(404));
        Job missing = run(creation());
        assertThat(missing.status()).isEqualTo(JobStatus.FAILED);
        assertThat(missing.error().code()).isEqualTo("SOURCE_UNREADABLE");
        assertThat(missing.error().stage()).isEqualTo("neutral_image");
        assertThat(missing.error().message())
                .contains("image 2")
                .contains("404")
                .doesNotContain("cdn.example.com");

        web.answer(SIDE, new Fetch.Status(503));
        Job flaky = run(creation());
        assertThat(flaky.status()).isEqualTo(JobStatus.FAILED);
        assertThat(flaky.error().code()).isEqualTo("SOURCE_UNREACHABLE");
        assertThat(flaky.error().attempts()).as("retried by the stage's policy").isEqualTo(3);
    }

    @Test
    void aDamagedPhotoFromAUrlIsRefusedAsAnUploadWouldBeBeforeAnyCutOut() {
        byte[] truncated = Arrays.copyOf(TestImages.png(90, 120, Color.BLUE), 200);
        web.serve(SIDE, truncated);
        decoder.damaged(truncated, "its data ends before the image is complete");
        Job damaged = run(creation());
        assertThat(damaged.status()).isEqualTo(JobStatus.FAILED);
        assertThat(damaged.error().code()).isEqualTo("SOURCE_UNREADABLE");
        assertThat(damaged.error().stage()).isEqualTo("neutral_image");
        assertThat(damaged.error().message())
                .isEqualTo("image 2 is a damaged or truncated PNG image: its data ends before the image is complete");
        assertThat(fake.calls("cutOut")).isZero();
    }

    @Test
    void aPhotoFromAUrlOverThePixelLimitIsRefusedNamingTheLimitWithoutDecoding() {
        web.serve(SIDE, TestImages.hugePng(5000, 5000));
        Job huge = run(creation());
        assertThat(huge.error().code()).isEqualTo("SOURCE_UNREADABLE");
        assertThat(huge.error().message())
                .startsWith("image 2 is 5000x5000 (25000000 pixels); the limit is 10000000 pixels");
        assertThat(decoder.calls()).as("only image 1 was decoded").isEqualTo(1);
    }

    @Test
    void aRefusedOrUnreachablePhotoSaysOnlyThatAndNeverHowItsHostResolved() {
        web.answer(
                SIDE,
                new Fetch.Refused("a redirect to http://db.internal was refused: db.internal resolves to 10.1.2.3"));
        Job refused = run(creation());
        assertThat(refused.error().code()).isEqualTo("SOURCE_UNREADABLE");
        assertThat(refused.error().message()).isEqualTo("image 2 is not allowed by the outbound rules");

        web.answer(SIDE, new Fetch.Unreachable("the host does not resolve", false));
        Job unreachable = run(creation());
        assertThat(unreachable.error().code()).isEqualTo("SOURCE_UNREACHABLE");
        assertThat(unreachable.error().message()).isEqualTo("image 2 is unreachable");
    }
}
