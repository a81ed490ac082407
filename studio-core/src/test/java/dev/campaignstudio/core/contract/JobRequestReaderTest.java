package dev.campaignstudio.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.campaignstudio.core.fixtures.RequestFixture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestReaderTest {

    private final JobRequestReader reader = new JobRequestReader();

    private List<Violation> violations(Map<String, Object> tree) {
        Validated<JobRequest> result = reader.read(tree);
        assertThat(result).isInstanceOf(Validated.Invalid.class);
        return ((Validated.Invalid<JobRequest>) result).violations();
    }

    private JobRequest valid(Map<String, Object> tree) {
        Validated<JobRequest> result = reader.read(tree);
        assertThat(result).as("violations: %s", result).isInstanceOf(Validated.Valid.class);
        return result.orThrow();
    }

    @Test
    void readsCreationRequest() {
        JobRequest request = valid(RequestFixture.creation()
                .with("product.link", "https://shop.example.com/bottle")
                .with("product.attributes.brand", "Aurora")
                .with("product.attributes.colors", List.of("teal", "#ffffff"))
                .tree());
        assertThat(request).isInstanceOf(MarketingCreationRequest.class);
        MarketingCreationRequest creation = (MarketingCreationRequest) request;
        assertThat(creation.product().productId()).isEqualTo("sku-123");
        assertThat(creation.product().link()).isEqualTo("https://shop.example.com/bottle");
        assertThat(creation.product().attributes().colors()).containsExactly("teal", "#ffffff");
        assertThat(creation.envelope().idempotencyKey()).isEqualTo("key-marketing_creation-1");
    }

    @Test
    void outputModesGetTheirDefaults() {
        MarketingOutputRequest fast = (MarketingOutputRequest)
                valid(RequestFixture.output("fast_video").tree());
        assertThat(fast.settings().aspect()).isEqualTo(Aspect.PORTRAIT_9_16);
        assertThat(fast.settings().durationS()).isEqualTo(15);
        assertThat(fast.settings().sceneCount()).isEqualTo(5);
        assertThat(fast.settings().maxAttempts()).isEqualTo(3);
        assertThat(fast.settings().presentation()).isEqualTo(Presentation.PRODUCT_ONLY);

        MarketingOutputRequest bundle = (MarketingOutputRequest)
                valid(RequestFixture.output("image_bundle").tree());
        assertThat(bundle.settings().aspect()).isEqualTo(Aspect.SQUARE_1_1);
        assertThat(bundle.settings().durationS()).isNull();

        MarketingOutputRequest ugc =
                (MarketingOutputRequest) valid(RequestFixture.output("ugc").tree());
        assertThat(ugc.settings().presentation()).isEqualTo(Presentation.WITH_MODEL);
    }

    @Test
    void everyViolationIsListedWithItsPointer() {
        Map<String, Object> tree = RequestFixture.output("fast_video")
                .without("idempotency_key")
                .with("surprise", true)
                .with("product.images.0.uri", "ftp://files.example.com/a.png")
                .with("product.images.0.caption", "x")
                .with("settings.duration_s", 999)
                .with("settings.aspect", "3:2")
                .with("settings.colour", "red")
                .tree();
        assertThat(violations(tree))
                .extracting(Violation::pointer, Violation::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/idempotency_key", "REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("/surprise", "UNKNOWN_FIELD"),
                        org.assertj.core.groups.Tuple.tuple("/product/images/0/uri", "FORMAT"),
                        org.assertj.core.groups.Tuple.tuple("/product/images/0/caption", "UNKNOWN_FIELD"),
                        org.assertj.core.groups.Tuple.tuple("/settings/duration_s", "TOO_LARGE"),
                        org.assertj.core.groups.Tuple.tuple("/settings/aspect", "ENUM"),
                        org.assertj.core.groups.Tuple.tuple("/settings/colour", "UNKNOWN_FIELD"));
    }

    @Test
    void unknownJobTypeIsNamed() {
        List<Violation> found = violations(
                RequestFixture.creation().with("job_type", "marketing_magic").tree());
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/job_type");
            assertThat(v.code()).isEqualTo("ENUM");
            assertThat(v.message()).contains("marketing_creation", "marketing_output", "retry");
        });
    }

    @Test
    void nineImagesAreTooMany() {
        assertThat(violations(RequestFixture.creation().images(9).tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/product/images", "TOO_MANY"));
        valid(RequestFixture.creation().images(8).tree());
    }

    @Test
    void idempotencyKeyMustBeOneTo128PrintableCharacters() {
        assertThat(violations(RequestFixture.creation()
                        .with("idempotency_key", "k".repeat(129))
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("TOO_LONG");
        assertThat(violations(
                        RequestFixture.creation().with("idempotency_key", "").tree()))
                .extracting(Violation::code)
                .containsExactly("TOO_SHORT");
        assertThat(violations(RequestFixture.creation()
                        .with("idempotency_key", "has space")
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("FORMAT");
        valid(RequestFixture.creation().with("idempotency_key", "k".repeat(128)).tree());
    }

    @Test
    void imageReferencesAreHttpUrlsOrUploadedAssets() {
        for (String bad : List.of(
                "file:///etc/passwd",
                "javascript:alert(1)",
                "/tmp/photo.png",
                "https://user:pw@example.com/a.png",
                "asset:nope",
                "https:///no-host")) {
            assertThat(violations(RequestFixture.creation()
                            .with("product.images.0.uri", bad)
                            .tree()))
                    .as(bad)
                    .extracting(Violation::pointer)
                    .containsExactly("/product/images/0/uri");
        }
        valid(RequestFixture.creation()
                .with("product.images.0.uri", "asset:ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H")
                .tree());
        valid(RequestFixture.creation()
                .with("product.images.0.uri", "http://127.0.0.1:8080/p.png")
                .tree());
    }

    @Test
    void anImageBundleMayAskForSeveralAspectsTheAspectFirst() {
        MarketingOutputRequest both = (MarketingOutputRequest) reader.read(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of("1:1", "9:16", "16:9"))
                        .with("settings.aspect", "9:16")
                        .tree())
                .orThrow();
        assertThat(both.settings().aspect()).isEqualTo(Aspect.PORTRAIT_9_16);
        assertThat(both.settings().aspects())
                .containsExactly(Aspect.PORTRAIT_9_16, Aspect.SQUARE_1_1, Aspect.LANDSCAPE_16_9);
        MarketingOutputRequest listed = (MarketingOutputRequest) reader.read(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of("4:5", "1:1"))
                        .tree())
                .orThrow();
        assertThat(listed.settings().aspect()).isEqualTo(Aspect.PORTRAIT_4_5);
        MarketingOutputRequest single = (MarketingOutputRequest)
                reader.read(RequestFixture.output("fast_video").tree()).orThrow();
        assertThat(single.settings().aspects()).containsExactly(Aspect.PORTRAIT_9_16);

        assertThat(violations(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of("1:1", "1:1"))
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/settings/aspects/1", "DUPLICATE"));
        assertThat(violations(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of("1:1", "3:2"))
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/settings/aspects/1", "ENUM"));
        assertThat(violations(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of())
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactly("/settings/aspects");
        assertThat(violations(RequestFixture.output("image_bundle")
                        .with("settings.aspects", List.of("1:1"))
                        .with("settings.aspect", "9:16")
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/settings/aspect", "NOT_ALLOWED"));
        assertThat(violations(RequestFixture.output("fast_video")
                        .with("settings.aspects", List.of("9:16", "1:1"))
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/settings/aspects", "NOT_ALLOWED"));
        Map<String, Object> stored = new JobRequestWriter().write(both);
        assertThat(reader.read(stored).orThrow())
                .as("the stored form reads back the same")
                .isEqualTo(both);
    }

    @Test
    void settingsThatDoNotApplyToTheModeAreRefused() {
        assertThat(violations(RequestFixture.output("image_bundle")
                        .with("settings.duration_s", 10)
                        .tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/settings/duration_s", "NOT_ALLOWED"));
        assertThat(violations(RequestFixture.output("fast_video")
                        .with("settings.script", "Hello")
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactly("/settings/script");
        MarketingOutputRequest scripted = (MarketingOutputRequest) valid(RequestFixture.output("script_video")
                .with("settings.script", "Meet Aurora.\n\nIt keeps water cold for 24 hours.")
                .tree());
        assertThat(scripted.settings().sceneCount()).isNull();
        assertThat(violations(RequestFixture.output("script_video")
                        .with("settings.script", "Hi")
                        .with("settings.scene_count", 3)
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactly("/settings/scene_count");
    }

    @Test
    void typesAreChecked() {
        List<Violation> found = violations(RequestFixture.output("fast_video")
                .with("contract_version", "2")
                .with("product.name", 42)
                .with("settings.scene_count", 2.5)
                .with("settings.creative_variation", "high")
                .with("metadata", List.of("a"))
                .tree());
        assertThat(found)
                .extracting(Violation::pointer, Violation::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/contract_version", "TYPE"),
                        org.assertj.core.groups.Tuple.tuple("/product/name", "TYPE"),
                        org.assertj.core.groups.Tuple.tuple("/settings/scene_count", "TYPE"),
                        org.assertj.core.groups.Tuple.tuple("/settings/creative_variation", "TYPE"),
                        org.assertj.core.groups.Tuple.tuple("/metadata", "TYPE"));
    }

    @Test
    void wholeNumbersWrittenWithDecimalsAreIntegers() {
        MarketingOutputRequest request = (MarketingOutputRequest) valid(RequestFixture.output("fast_video")
                .with("settings.duration_s", new BigDecimal("20.0"))
                .with("contract_version", 2L)
                .tree());
        assertThat(request.settings().durationS()).isEqualTo(20);
    }

    @Test
    void hugeNumbersAreOutOfRangeNotAnOverflow() {
        assertThat(violations(RequestFixture.output("fast_video")
                        .with("settings.duration_s", new BigDecimal("1e999999999"))
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("TOO_LARGE");
    }

    @Test
    void farOutValuesAreRefusedWithTheBoundOfTheirMode() {
        Object[][] cases = {
            {"fast_video", "duration_s", 999, "TOO_LARGE", "must be at most 60"},
            {"fast_video", "duration_s", new BigDecimal("1e999999999"), "TOO_LARGE", "must be at most 60"},
            {"fast_video", "duration_s", Long.MAX_VALUE, "TOO_LARGE", "must be at most 60"},
            {"fast_video", "duration_s", 4_000, "TOO_LARGE", "must be at most 60"},
            {"fast_video", "duration_s", -5, "TOO_SMALL", "must be at least 5"},
            {"fast_video", "duration_s", new BigDecimal("-1e30"), "TOO_SMALL", "must be at least 5"},
            {"script_video", "duration_s", 99_999_999_999L, "TOO_LARGE", "must be at most 180"},
            {"script_video", "duration_s", 0, "TOO_SMALL", "must be at least 10"},
            {"ugc", "duration_s", Integer.MAX_VALUE, "TOO_LARGE", "must be at most 60"},
            {"ugc", "scene_count", 1_000, "TOO_LARGE", "must be at most 8"},
            {"ugc", "scene_count", -(1L << 40), "TOO_SMALL", "must be at least 2"},
            {"image_bundle", "scene_count", new BigDecimal("1e40"), "TOO_LARGE", "must be at most 12"},
            {"image_bundle", "scene_count", Integer.MIN_VALUE, "TOO_SMALL", "must be at least 1"},
            {"image_bundle", "duration_s", new BigDecimal("1e40"), "NOT_ALLOWED", "image_bundle has no duration"},
        };
        for (Object[] c : cases) {
            List<Violation> found = violations(RequestFixture.output((String) c[0])
                    .with("settings." + c[1], c[2])
                    .tree());
            assertThat(found)
                    .as("%s %s = %s", c[0], c[1], c[2])
                    .extracting(Violation::pointer, Violation::code, Violation::message)
                    .containsExactly(tuple("/settings/" + c[1], c[3], c[4]));
        }
    }

    @Test
    void explicitNullIsAbsent() {
        valid(RequestFixture.creation()
                .with("callback", null)
                .with("metadata", null)
                .tree());
        assertThat(violations(RequestFixture.creation().with("product", null).tree()))
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/product", "REQUIRED"));
    }

    @Test
    void documentMustBeAnObject() {
        assertThat(reader.read(List.of(1, 2))).isInstanceOf(Validated.Invalid.class);
        assertThat(reader.read("text")).isInstanceOf(Validated.Invalid.class);
        assertThat(reader.read(null)).isInstanceOf(Validated.Invalid.class);
    }

    @Test
    void metadataIsASmallMapOfScalars() {
        Map<String, Object> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 17; i++) {
            many.put("k" + i, i);
        }
        assertThat(violations(RequestFixture.creation().with("metadata", many).tree()))
                .extracting(Violation::code)
                .containsExactly("TOO_MANY");
        assertThat(violations(RequestFixture.creation()
                        .with("metadata.nested", Map.of("a", 1))
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactly("/metadata/nested");
        assertThat(violations(
                        RequestFixture.creation().with("metadata.bad~key/x", 1).tree()))
                .extracting(Violation::pointer)
                .containsExactly("/metadata/bad~0key~1x");
        RequestEnvelope envelope = valid(RequestFixture.creation()
                        .with("metadata.campaign", "summer")
                        .with("metadata.n", 3)
                        .tree())
                .envelope();
        assertThat(envelope.metadata()).containsEntry("campaign", "summer").containsEntry("n", 3);
    }

    @Test
    void retryNamesAJobAndATarget() {
        RetryRequest retry = (RetryRequest) valid(RequestFixture.retry("job_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "scene_video")
                .with("target.scene_order", 4)
                .with("settings.voice", "kevin")
                .tree());
        assertThat(retry.target()).isEqualTo(new RetryTarget("scene_video", 4));
        assertThat(retry.settings().voice()).isEqualTo("kevin");
        List<Violation> found = violations(RequestFixture.retry("nope", "Scene Video")
                .with("target.scene_order", 0)
                .with("product", Map.of())
                .tree());
        assertThat(found)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/job_id", "/target/stage", "/target/scene_order", "/product");
    }

    @Test
    void callbacksNeedAnHttpUrlAndAWellFormedSecretRef() {
        valid(RequestFixture.creation()
                .with("callback.url", "https://hooks.example.com/studio")
                .with("callback.secret_ref", "team-a")
                .tree());
        assertThat(violations(RequestFixture.creation()
                        .with("callback.url", "gopher://x")
                        .with("callback.secret_ref", "Team A")
                        .tree()))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/callback/url", "/callback/secret_ref");
    }

    @Test
    void controlCharactersAreRefusedInNamesButLineBreaksAreFineInPrompts() {
        assertThat(violations(RequestFixture.creation()
                        .with("product.name", "Bottle\u0000")
                        .tree()))
                .extracting(Violation::code)
                .containsExactly("FORMAT");
        valid(RequestFixture.output("ugc")
                .with("prompt", "Line one\nLine two\tindented")
                .tree());
    }

    @Test
    void writtenRequestsReadBackEqual() {
        List<Map<String, Object>> trees = new ArrayList<>();
        trees.add(RequestFixture.creation()
                .with("product.attributes.description", "Steel")
                .with("callback.url", "https://h.example.com")
                .tree());
        for (String mode : List.of("image_bundle", "fast_video", "script_video", "ugc")) {
            trees.add(RequestFixture.output(mode)
                    .with("metadata.campaign", "summer")
                    .with("settings.creative_variation", 0.7)
                    .tree());
        }
        trees.add(RequestFixture.retry("job_01JD3Z8Q4W6T9X2V5B7N0M1K3H", "scene_image")
                .with("target.scene_order", 2)
                .with("prompt", "brighter")
                .tree());
        JobRequestWriter writer = new JobRequestWriter();
        for (Map<String, Object> tree : trees) {
            JobRequest first = valid(tree);
            JobRequest again = valid(writer.write(first));
            assertThat(again).isEqualTo(first);
            assertThat(CanonicalJson.write(writer.write(again))).isEqualTo(CanonicalJson.write(writer.write(first)));
        }
    }
}
