package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Product image URLs and callback URLs are judged by the outbound rules when a job is submitted (the service runs with
 * the default rules: neither loopback nor private addresses allowed). A refusal is a 422 naming the field, and the
 * answer says nothing about what a host resolves to. Only literal addresses and {@code localhost} are used: the test
 * must not depend on public DNS.
 */
class OutboundRulesAtSubmissionSystemTest extends EmbeddedSystemTest {

    /** An IPv4 address, or an IPv6 one (two groups and more), anywhere in a text. */
    private static final Pattern ADDRESS =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}");

    private static void assertRefused(ApiClient.Response response, String pointer) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo(pointer);
        assertThat(errors.get(0).get("code").asString()).isEqualTo("NOT_ALLOWED");
        assertThat(errors.get(0).get("detail").asString()).isEqualTo("not allowed by the outbound rules");
        assertThat(response.body()).doesNotContain("resolve", "loopback", "private", "link-local");
        assertThat(ADDRESS.matcher(response.body()).find())
                .as("an address in %s", response.body())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/x.png",
                "https://[::127.0.0.1]/x.png",
                "https://[::ffff:127.0.0.1]/x.png",
                "https://[::1]/x.png",
                "https://10.0.0.1/x.png",
                "https://localhost/x.png",
                "http://localhost:8080/x.png",
                "https://169.254.169.254/latest/meta-data/",
                "https://[64:ff9b::7f00:1]/x.png",
                "https://[2002:a00:1::]/x.png",
                "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/x.png",
                "https://[fd00::1]/x.png",
                "https://100.64.0.1/x.png",
                "https://0.0.0.0/x.png"
            })
    void anImageUrlTheRulesRefuseIsA422AtSubmissionNamingItsPointer(String url) {
        long jobsBefore = count("jobs");
        ApiClient.Response output = api.postJson(
                "/v1/jobs",
                RequestFixture.output("image_bundle")
                        .with("idempotency_key", "img-" + UUID.randomUUID())
                        .with("product.images", List.of(Map.of("uri", url)))
                        .tree());
        assertRefused(output, "/product/images/0/uri");

        ApiClient.Response creation = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "img-" + UUID.randomUUID())
                        .with(
                                "product.images",
                                List.of(Map.of("uri", "https://cdn.example.com/ok.png"), Map.of("uri", url)))
                        .tree());
        assertRefused(creation, "/product/images/1/uri");
        assertThat(count("jobs")).as("nothing is stored").isEqualTo(jobsBefore);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://[::127.0.0.1]:9/hook",
                "http://[::ffff:127.0.0.1]:9/hook",
                "http://localhost:9/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook"
            })
    void aCallbackUrlTheRulesRefuseIsA422AtSubmission(String url) {
        ApiClient.Response refused = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "cb-" + UUID.randomUUID())
                        .with("callback.url", url)
                        .tree());
        assertRefused(refused, "/callback/url");
    }

    /**
     * A callback host that does not resolve (yet) is accepted, as a photo's is: each delivery judges it again. A
     * refusal would tell a caller how a name resolves. {@code .invalid} never resolves (RFC 6761).
     */
    @Test
    void aCallbackHostThatDoesNotResolveYetIsAccepted() {
        ApiClient.Response accepted = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "cb-" + UUID.randomUUID())
                        .with("callback.url", "https://no-such-host.invalid/hook")
                        .tree());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }
}
