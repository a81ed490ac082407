package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import dev.campaignstudio.server.support.Samples;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every kind of bad input gets a 4xx problem naming the problem; nothing is created; no stack trace reaches the
 * response or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputSystemTest extends EmbeddedSystemTest {

    private long jobsBefore;
    private long assetsBefore;
    private CapturedOutput output;
    private int outputMark;

    @BeforeEach
    void remember(CapturedOutput output) {
        this.output = output;
        this.outputMark = output.getAll().length();
        jobsBefore = count("jobs");
        assetsBefore = count("assets");
    }

    @AfterEach
    void nothingCreatedAndNoStackTraceLogged() {
        assertThat(count("jobs")).isEqualTo(jobsBefore);
        assertThat(count("assets")).isEqualTo(assetsBefore);
        String logged = output.getAll().substring(outputMark);
        assertThat(logged).doesNotContain("\tat ", "Exception", "ERROR");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code, String mentions) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).contains(mentions).doesNotContain("Exception", "\tat ", "java.");
    }

    private static void assertViolation(ApiClient.Response response, String pointer, String code) {
        assertProblem(response, 422, "VALIDATION_FAILED", pointer);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .anyMatch(e -> e.get("pointer").asString().equals(pointer)
                                && e.get("code").asString().equals(code)))
                .as(response.body())
                .isTrue();
    }

    @Test
    void malformedJson() {
        assertProblem(
                api.postJson("/v1/jobs", "{\"contract_version\": 2, \"job_type\": "),
                400,
                "MALFORMED_JSON",
                "not valid JSON");
        assertProblem(api.postJson("/v1/jobs", ""), 400, "MALFORMED_JSON", "empty");
        assertProblem(api.postJson("/v1/jobs", "{} {}"), 400, "MALFORMED_JSON", "not valid JSON");
        assertProblem(api.postJson("/v1/jobs", "{\"a\":1,\"a\":2}"), 400, "MALFORMED_JSON", "appears twice");
    }

    @Test
    void wrongContentType() {
        assertProblem(
                api.post("/v1/jobs", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "text/plain");
        assertProblem(
                api.post("/v1/jobs", "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "not supported");
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/jobs"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(none.body())
                .contains("UNSUPPORTED_MEDIA_TYPE", "the request has no Content-Type; send one of [application/json]")
                .doesNotContain("null");
    }

    @Test
    void unknownJobType() {
        ApiClient.Response response = api.postJson(
                "/v1/jobs",
                RequestFixture.creation().with("job_type", "marketing_magic").tree());
        assertViolation(response, "/job_type", "ENUM");
        assertThat(response.body()).contains("marketing_creation, marketing_output, retry");
    }

    @Test
    void missingOrOverlongIdempotencyKey() {
        assertViolation(
                api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation().without("idempotency_key").tree()),
                "/idempotency_key",
                "REQUIRED");
        assertViolation(
                api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation()
                                .with("idempotency_key", "k".repeat(129))
                                .tree()),
                "/idempotency_key",
                "TOO_LONG");
    }

    @Test
    void nineImages() {
        assertViolation(
                api.postJson("/v1/jobs", RequestFixture.creation().images(9).tree()), "/product/images", "TOO_MANY");
    }

    @Test
    void imageUrlWithAnotherScheme() {
        for (String uri :
                new String[] {"ftp://files.example.com/a.png", "file:///etc/passwd", "data:image/png;base64,AAAA"}) {
            assertViolation(
                    api.postJson(
                            "/v1/jobs",
                            RequestFixture.creation()
                                    .with("product.images.0.uri", uri)
                                    .tree()),
                    "/product/images/0/uri",
                    "FORMAT");
        }
    }

    @Test
    void bodyOverTheLimit() {
        String big = "{\"contract_version\":2,\"metadata\":{\"x\":\"" + "a".repeat(300_000) + "\"}}";
        assertProblem(api.postJson("/v1/jobs", big), 413, "PAYLOAD_TOO_LARGE", "larger than");
        Supplier<java.io.InputStream> streamed = () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/jobs"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(streamed))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void nonImageUpload() {
        assertProblem(
                api.upload("file", "photo.png", "image/png", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_IMAGE_TYPE",
                "not a PNG, JPEG or WebP");
        assertProblem(
                api.upload(
                        "file",
                        "logo.svg",
                        "image/svg+xml",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_IMAGE_TYPE",
                "PNG");
    }

    @Test
    void hugeImageUpload() {
        byte[] huge = TestImages.hugePng(20000, 20000);
        assertProblem(api.upload("file", "huge.png", "image/png", huge), 422, "IMAGE_TOO_LARGE", "20000x20000");
    }

    @Test
    void truncatedImageUpload() {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        assertProblem(
                api.upload("file", "cut.png", "image/png", Arrays.copyOf(png, png.length / 2)),
                422,
                "IMAGE_UNREADABLE",
                "damaged");
    }

    @Test
    void aRealJpegCutToAThirdIsRefusedAsTruncated() {
        byte[] jpeg = Samples.photo("aurora-bottle", "front.jpg");
        assertProblem(
                api.upload("file", "front.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 3)),
                422,
                "IMAGE_UNREADABLE",
                "the file is a damaged or truncated JPEG image: its data ends before the image is complete");
    }

    @Test
    void aJpegWhoseHeaderClaimsSixtyThousandSquaredIsRefusedNamingThePixelLimit() {
        byte[] forged = TestImages.withJpegSize(Samples.photo("aurora-bottle", "front.jpg"), 60000, 60000);
        ApiClient.Response refused = api.upload("file", "forged.jpg", "image/jpeg", forged);
        assertProblem(refused, 422, "IMAGE_TOO_LARGE", "60000x60000");
        assertThat(refused.json().get("detail").asString()).contains("the limit is 40000000 pixels");
    }

    @Test
    void aJpegWhoseHeaderClaimsMorePixelsThanItsDataHoldsIsRefusedAsDamaged() {
        byte[] forged = TestImages.withJpegSize(Samples.photo("aurora-bottle", "front.jpg"), 6000, 6000);
        assertProblem(
                api.upload("file", "forged.jpg", "image/jpeg", forged),
                422,
                "IMAGE_UNREADABLE",
                "its data ends before the image is complete");
    }

    @Test
    void aPngCutBeforeItsEndOrWithABrokenChecksumIsRefused() {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        assertProblem(
                api.upload("file", "cut.png", "image/png", Arrays.copyOf(png, png.length - 12)),
                422,
                "IMAGE_UNREADABLE",
                "its data ends before the image is complete");
        byte[] flipped = png.clone();
        flipped[flipped.length - 1] ^= 0x01;
        assertProblem(
                api.upload("file", "crc.png", "image/png", flipped),
                422,
                "IMAGE_UNREADABLE",
                "the checksum of its IEND chunk is wrong");
    }

    @Test
    void uploadWithoutTheFileField() {
        assertProblem(
                api.upload("photo", "a.png", "image/png", TestImages.png(10, 10, Color.RED)),
                400,
                "MISSING_FIELD",
                "file");
        assertProblem(
                api.post("/v1/assets", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "json");
    }

    @Test
    void wrongShapes() {
        assertViolation(api.postJson("/v1/jobs", "[1,2,3]"), "", "TYPE");
        assertViolation(
                api.postJson(
                        "/v1/jobs",
                        RequestFixture.output("fast_video")
                                .with("settings", "fast")
                                .tree()),
                "/settings",
                "TYPE");
        assertViolation(
                api.postJson(
                        "/v1/jobs",
                        RequestFixture.output("fast_video")
                                .with("settings.duration_s", -5)
                                .tree()),
                "/settings/duration_s",
                "TOO_SMALL");
        ApiClient.Response huge = api.postJson(
                "/v1/jobs",
                RequestFixture.output("ugc")
                        .with("settings.duration_s", new java.math.BigDecimal("1e30"))
                        .tree());
        assertViolation(huge, "/settings/duration_s", "TOO_LARGE");
        assertThat(huge.json().get("errors").get(0).get("detail").asString())
                .as("ugc's bound, not a generic one")
                .isEqualTo("must be at most 60");
        assertProblem(api.get("/v1/jobs?limit=1000"), 400, "BAD_PARAMETER", "limit");
        assertProblem(api.withToken(TOKEN, "/v1/unknown"), 404, "NOT_FOUND", "nothing is served at this path");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
