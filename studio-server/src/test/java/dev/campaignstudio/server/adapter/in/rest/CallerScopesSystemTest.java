package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Named callers with scopes: each sees and touches only its own jobs and assets; an admin sees all. */
class CallerScopesSystemTest extends EmbeddedSystemTest {

    static final String SHOP_TOKEN = "shop-token-0123456789";
    static final String STUDIO_TOKEN = "studio-token-0123456789";
    static final String READER_TOKEN = "reader-token-0123456789";

    private ApiClient shop;
    private ApiClient studio;

    @DynamicPropertySource
    static void callers(DynamicPropertyRegistry registry) {
        registry.add("studio.clients.shop.token-sha256", () -> sha256(SHOP_TOKEN));
        registry.add("studio.clients.shop.scopes", () -> "jobs:write,jobs:read,assets:read");
        registry.add("studio.clients.shop.callback-prefixes", () -> "https://93.184.215.14/shop/");
        registry.add("studio.clients.studio.token", () -> STUDIO_TOKEN);
        registry.add("studio.clients.studio.scopes", () -> "jobs:write,jobs:read,assets:read");
        registry.add("studio.clients.reader.token", () -> READER_TOKEN);
        registry.add("studio.clients.reader.scopes", () -> "jobs:read");
    }

    @BeforeEach
    void callers() {
        shop = new ApiClient(port, SHOP_TOKEN);
        studio = new ApiClient(port, STUDIO_TOKEN);
    }

    @Test
    void twoCallersCannotSeeEachOthersJobsEventsOrStreams() {
        String id = submit(shop, key()).json().get("id").asString();

        assertThat(shop.get("/v1/jobs/" + id).status()).isEqualTo(200);
        for (String path : List.of("", "/events", "/events/stream", "/deliveries")) {
            ApiClient.Response other = studio.get("/v1/jobs/" + id + path);
            assertThat(other.status()).as(path).isEqualTo(404);
            assertThat(other.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(studio.postJson("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(404);
        assertThat(shop.get("/v1/jobs/" + id + "/events").json().get("items").size())
                .isEqualTo(1);
        assertThat(ids(studio.get("/v1/jobs?limit=100"))).doesNotContain(id);
        assertThat(ids(shop.get("/v1/jobs?limit=100"))).contains(id);
        assertThat(ids(api.get("/v1/jobs?limit=100")))
                .as("the default caller is an admin")
                .contains(id);
        assertThat(api.get("/v1/jobs/" + id).status()).isEqualTo(200);
    }

    @Test
    void aCallerRetriesOnlyItsOwnJobs() {
        String id = submit(shop, key()).json().get("id").asString();
        ApiClient.Response retry = studio.postJson(
                "/v1/jobs",
                RequestFixture.retry(id, "metadata")
                        .with("idempotency_key", key())
                        .tree());
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/job_id");
        assertThat(retry.json().get("errors").get(0).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void sameIdempotencyKeyFromTwoCallersMakesTwoJobs() {
        String key = key();
        ApiClient.Response first = submit(shop, key);
        ApiClient.Response second = submit(studio, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString())
                .isNotEqualTo(first.json().get("id").asString());
        assertThat(submit(shop, key).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT owner FROM jobs WHERE idempotency_key = :k ORDER BY owner")
                        .param("k", key)
                        .query(String.class)
                        .list())
                .containsExactly("shop", "studio");
    }

    @Test
    void uploadsBelongToTheirCaller() {
        byte[] png = TestImages.png(40, 40, new Color(20, 120, 200));
        ApiClient.Response mine = shop.upload("file", "p.png", "image/png", png);
        String asset = mine.json().get("id").asString();
        assertThat(shop.getBytes("/v1/assets/" + asset).statusCode()).isEqualTo(200);
        assertThat(studio.getBytes("/v1/assets/" + asset).statusCode()).isEqualTo(404);
        assertThat(api.getBytes("/v1/assets/" + asset).statusCode()).isEqualTo(200);

        ApiClient.Response theirs = studio.upload("file", "p.png", "image/png", png);
        assertThat(theirs.status())
                .as("the same bytes from another caller are its own asset")
                .isEqualTo(201);
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(asset);

        ApiClient.Response borrowing = studio.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("product.images", List.of(Map.of("uri", "asset:" + asset)))
                        .tree());
        assertThat(borrowing.status()).isEqualTo(422);
        assertThat(borrowing.json().get("errors").get(0).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void callbackOutsideTheCallersPrefixesIs422() {
        ApiClient.Response outside = shop.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("callback", Map.of("url", "https://evil.example/hook"))
                        .tree());
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outside.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/callback/url");
        assertThat(outside.json().get("errors").get(0).get("code").asString()).isEqualTo("NOT_ALLOWED");

        ApiClient.Response inside = shop.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("callback", Map.of("url", "https://93.184.215.14/shop/studio"))
                        .tree());
        assertThat(inside.status()).isEqualTo(201);
        ApiClient.Response none = studio.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", key())
                        .with("callback", Map.of("url", "https://93.184.215.14/shop/studio"))
                        .tree());
        assertThat(none.status())
                .as("a caller without prefixes may not ask for callbacks")
                .isEqualTo(422);
    }

    @Test
    void scopesLimitWhatACallerMayDo() {
        ApiClient reader = new ApiClient(port, READER_TOKEN);
        ApiClient.Response write = submit(reader, key());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asString()).isEqualTo("SCOPE_MISSING");
        assertThat(reader.get("/v1/jobs").status()).isEqualTo(200);
        assertThat(shop.get("/actuator/prometheus").status())
                .as("metrics need admin")
                .isEqualTo(403);
        assertThat(shop.get("/v3/api-docs").status()).isEqualTo(403);
        assertThat(api.withoutToken("GET", "/actuator/prometheus", null).status())
                .isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(reader.withoutToken("GET", "/actuator/health", null).status())
                .isEqualTo(200);
    }

    @Test
    void listFiltersByMode() {
        String video = submit(studio, key(), RequestFixture.output("fast_video"))
                .json()
                .get("id")
                .asString();
        String bundle = submit(studio, key(), RequestFixture.output("image_bundle"))
                .json()
                .get("id")
                .asString();
        List<String> videos = ids(studio.get("/v1/jobs?mode=fast_video&limit=100"));
        assertThat(videos).contains(video).doesNotContain(bundle);
        assertThat(studio.get("/v1/jobs?mode=Not-A-Mode").status()).isEqualTo(400);
    }

    private static ApiClient.Response submit(ApiClient client, String key) {
        return submit(client, key, RequestFixture.creation());
    }

    private static ApiClient.Response submit(ApiClient client, String key, RequestFixture request) {
        return client.postJson("/v1/jobs", request.with("idempotency_key", key).tree());
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        return items.valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
