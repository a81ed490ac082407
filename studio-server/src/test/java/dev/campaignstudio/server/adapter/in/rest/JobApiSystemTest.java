package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import dev.campaignstudio.server.support.Samples;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobApiSystemTest extends EmbeddedSystemTest {

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void submittedJobIsStoredAndReadBack() {
        Map<String, Object> request = RequestFixture.output("fast_video")
                .with("idempotency_key", key())
                .with("settings.scene_count", 6)
                .with("metadata.campaign", "summer")
                .tree();
        ApiClient.Response created = api.postJson("/v1/jobs", request);
        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.json();
        String id = job.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/v1/jobs/" + id);
        assertThat(job.get("status").asString()).isEqualTo("queued");
        assertThat(job.get("job_type").asString()).isEqualTo("marketing_output");
        assertThat(job.get("mode").asString()).isEqualTo("fast_video");
        assertThat(job.get("product_id").asString()).isEqualTo("sku-123");
        assertThat(job.get("steps").isArray()).isTrue();
        assertThat(job.get("request").get("settings").get("scene_count").asInt())
                .isEqualTo(6);
        assertThat(job.get("request").get("settings").get("aspect").asString()).isEqualTo("9:16");

        ApiClient.Response read = api.get("/v1/jobs/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(job);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM outbox_events WHERE job_id = :id AND event_type = 'accepted' AND seq = 1")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sameKeyAndPayloadReplaysTheOriginalJob() {
        String key = key();
        Map<String, Object> request =
                RequestFixture.creation().with("idempotency_key", key).tree();
        String first = api.postJson("/v1/jobs", request).json().get("id").asString();
        String reordered =
                "{\"product\":{\"images\":[{\"uri\":\"https://cdn.example.com/p/bottle.png\"}],\"name\":\"Aurora Water Bottle\","
                        + "\"product_id\":\"sku-123\"},\"idempotency_key\":\"" + key
                        + "\",\"job_type\":\"marketing_creation\",\"contract_version\":2.0}";
        ApiClient.Response replay = api.postJson("/v1/jobs", reordered);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asString()).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherPayloadIsAConflictNamingTheJob() {
        String key = key();
        String first = api.postJson(
                        "/v1/jobs",
                        RequestFixture.creation().with("idempotency_key", key).tree())
                .json()
                .get("id")
                .asString();
        ApiClient.Response conflict = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key)
                        .with("product.name", "Other")
                        .tree());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(conflict.json().get("job_id").asString()).isEqualTo(first);
    }

    @Test
    void unknownJobIs404() {
        assertThat(api.get("/v1/jobs/job_01JD3Z8Q4W6T9X2V5B7N0M1K3H")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
        assertThat(api.get("/v1/jobs/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void listPagesThroughJobsOfAProduct() {
        String product = "sku-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.postJson(
                            "/v1/jobs",
                            RequestFixture.creation()
                                    .with("idempotency_key", key())
                                    .with("product.product_id", product)
                                    .tree())
                    .json()
                    .get("id")
                    .asString());
        }
        api.postJson(
                "/v1/jobs",
                RequestFixture.output("ugc")
                        .with("idempotency_key", key())
                        .with("product.product_id", product)
                        .tree());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/v1/jobs?product_id=" + product + "&job_type=marketing_creation&status=queued&limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(item -> {
                assertThat(item.get("job_type").asString()).isEqualTo("marketing_creation");
                seen.add(item.get("id").asString());
            });
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void uploadedImageIsServedBackAndUsableInAJob() {
        byte[] png = TestImages.png(400, 300, new Color(30, 120, 200));
        ApiClient.Response uploaded = api.upload("file", "bottle.bin", "application/octet-stream", png);
        assertThat(uploaded.status()).isEqualTo(201);
        JsonNode asset = uploaded.json();
        assertThat(asset.get("media_type").asString()).isEqualTo("image/png");
        assertThat(asset.get("width").asInt()).isEqualTo(400);
        assertThat(asset.get("height").asInt()).isEqualTo(300);
        assertThat(asset.get("bytes").asLong()).isEqualTo(png.length);
        assertThat(asset.get("sha256").asString()).hasSize(64);
        String id = asset.get("id").asString();
        assertThat(asset.get("url").asString()).endsWith("/v1/assets/" + id);

        HttpResponse<byte[]> download = api.getBytes("/v1/assets/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.body()).isEqualTo(png);

        ApiClient.Response again = api.upload("file", "same.png", "image/png", png);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);

        ApiClient.Response job = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("product.images", List.of(Map.of("uri", "asset:" + id)))
                        .tree());
        assertThat(job.status()).isEqualTo(201);
        ApiClient.Response missing = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("product.images", List.of(Map.of("uri", "asset:ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H")))
                        .tree());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/product/images/0/uri");
    }

    @Test
    void jpegUploadsAreSniffedFromTheirBytes() {
        byte[] jpeg = TestImages.jpeg(320, 240, Color.ORANGE);
        ApiClient.Response uploaded = api.upload("file", "photo.png", "image/png", jpeg);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("media_type").asString()).isEqualTo("image/jpeg");
    }

    @Test
    void wholeRealPhotosStillUpload() {
        for (String file : List.of("front.jpg", "angled.jpg")) {
            ApiClient.Response uploaded = api.upload("file", file, "image/jpeg", Samples.photo("kiln-mug", file));
            assertThat(uploaded.status()).as(uploaded.body()).isIn(200, 201);
            assertThat(uploaded.json().get("media_type").asString()).isEqualTo("image/jpeg");
        }
        ApiClient.Response png = api.upload("file", "wide.png", "image/png", TestImages.png(2400, 1600, Color.GREEN));
        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().get("width").asInt()).isEqualTo(2400);
    }

    @Test
    void v1RequiresTheBearerToken() {
        ApiClient.Response none = api.withoutToken("GET", "/v1/jobs", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(api.withToken("wrong", "/v1/jobs").status()).isEqualTo(401);
        assertThat(api.withoutToken("POST", "/v1/jobs", "{}").status()).isEqualTo(401);
        assertThat(api.withToken(TOKEN, "/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void operationsEndpointsAreServed() {
        ApiClient.Response health = api.withoutToken("GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        ApiClient.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(api.withoutToken("GET", "/v3/api-docs", null).status()).isEqualTo(401);
        ApiClient.Response openapi = api.get("/v3/api-docs");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().get("paths").has("/v1/jobs")).isTrue();
        assertThat(openapi.json().get("paths").has("/v1/assets")).isTrue();
        assertThat(api.withoutToken("GET", "/swagger-ui/index.html", null).status())
                .isEqualTo(401);
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void metricsNeedTheTokenSinceTheyNameTheDataDirectory() {
        ApiClient.Response metrics = api.withoutToken("GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(metrics.body()).doesNotContain(dataDir().toString());
    }

    @Test
    void downloadsAreNeverSniffedAsAnotherType() {
        String id = api.upload("file", "a.png", "image/png", TestImages.png(32, 32, Color.RED))
                .json()
                .get("id")
                .asString();
        HttpResponse<byte[]> download = api.getBytes("/v1/assets/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theStoredRequestShowsTheCallbackUrlWithoutItsQuery() {
        Map<String, Object> request = RequestFixture.creation()
                .with("idempotency_key", key())
                .with("callback", Map.of("url", "https://93.184.215.14/studio?token=s3cr3t-in-query"))
                .tree();
        ApiClient.Response created = api.postJson("/v1/jobs", request);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ApiClient.Response read = api.get("/v1/jobs/" + id);
        assertThat(read.body()).doesNotContain("s3cr3t-in-query");
        assertThat(read.json().get("request").get("callback").get("url").asString())
                .isEqualTo("https://93.184.215.14/studio");
    }
}
