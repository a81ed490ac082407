package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.fixtures.MutableClock;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.core.port.in.FindAssets;
import dev.campaignstudio.server.storage.SignedAssetUrls;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Downloads;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /v1/assets/{id}}: streamed with its length, ETag and caching headers; one byte range at a time (206, 416
 * for a range that cannot be served); and, with a signed download link, without a token: a tampered or expired link is
 * 403, and the link opens nothing but that GET.
 */
class AssetDownloadSystemTest extends EmbeddedSystemTest {

    @Autowired
    SignedAssetUrls signedLinks;

    @Autowired
    FindAssets assets;

    private byte[] png;
    private String id;
    private String sha256;

    @BeforeEach
    void upload() {
        png = TestImages.png(300, 200, new Color(200, 90, (int) (System.nanoTime() % 200)));
        ApiClient.Response uploaded = api.upload("file", "photo.png", "image/png", png);
        assertThat(uploaded.status()).isIn(200, 201);
        id = uploaded.json().get("id").asString();
        sha256 = uploaded.json().get("sha256").asString();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<byte[]> get(String... headers) {
        String[] withToken = Arrays.copyOf(headers, headers.length + 2);
        withToken[headers.length] = "Authorization";
        withToken[headers.length + 1] = "Bearer " + TOKEN;
        return Downloads.get(base() + "/v1/assets/" + id, withToken);
    }

    private String signedLink() {
        Asset asset = assets.asset(new AssetId(id)).orElseThrow();
        return signedLinks.link(asset).orElseThrow().url().toString();
    }

    @Test
    void theWholeAssetComesWithItsLengthETagAndCachingHeaders() {
        HttpResponse<byte[]> whole = get();

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(png);
        assertThat(whole.headers().firstValue("Content-Length")).contains(String.valueOf(png.length));
        assertThat(whole.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(whole.headers().firstValue("ETag")).contains("\"" + sha256 + "\"");
        assertThat(whole.headers().firstValue("Cache-Control").orElseThrow())
                .contains("private")
                .contains("immutable");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
    }

    @Test
    void aRangeReturnsExactlyThoseBytesWithTheirContentRange() {
        HttpResponse<byte[]> part = get("Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + png.length);
        assertThat(part.headers().firstValue("Content-Length")).contains("100");

        HttpResponse<byte[]> tail = get("Range", "bytes=-16");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 16, png.length));

        HttpResponse<byte[]> stale = get("Range", "bytes=0-9", "If-Range", "\"not-the-etag\"");
        assertThat(stale.statusCode())
                .as("a range of another version gets the whole")
                .isEqualTo(200);
        assertThat(stale.body()).isEqualTo(png);
    }

    @Test
    void aRangeThatCannotBeServedIs416WithTheSize() {
        for (String bad : new String[] {"bytes=" + png.length + "-", "bytes=50-10", "bytes=oops"}) {
            HttpResponse<byte[]> refused = get("Range", bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(416);
            assertThat(refused.headers().firstValue("Content-Range")).contains("bytes */" + png.length);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(new String(refused.body())).contains("RANGE_NOT_SATISFIABLE");
        }
    }

    @Test
    void aClientHoldingTheETagGetsNotModified() {
        HttpResponse<byte[]> cached = get("If-None-Match", "\"" + sha256 + "\"");

        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
    }

    @Test
    void aSignedLinkServesTheAssetAndItsRangesWithoutAToken() {
        String link = signedLink();
        assertThat(link).startsWith(base().replace("127.0.0.1", "localhost") + "/v1/assets/" + id + "?expires=");

        HttpResponse<byte[]> whole = Downloads.get(link);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(png);
        HttpResponse<byte[]> part = Downloads.get(link, "Range", "bytes=8-15");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 8, 16));
    }

    @Test
    void aTamperedLinkIsForbiddenWithAProblem() {
        String link = signedLink();
        String otherAsset = api.upload("file", "other.png", "image/png", TestImages.png(20, 20, Color.GREEN))
                .json()
                .get("id")
                .asString();
        long expires = Long.parseLong(link.replaceAll(".*expires=([0-9]+).*", "$1"));

        for (String tampered : new String[] {
            link.replace("/v1/assets/" + id, "/v1/assets/" + otherAsset),
            link.replace("expires=" + expires, "expires=" + (expires + 3600)),
            link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA")
        }) {
            HttpResponse<byte[]> refused = Downloads.get(tampered);
            assertThat(refused.statusCode()).as(tampered).isEqualTo(403);
            assertThat(new String(refused.body()))
                    .contains("DOWNLOAD_LINK_INVALID")
                    .doesNotContain(png.length + "");
        }
    }

    @Test
    void anExpiredLinkIsForbiddenAndSaysSo() throws Exception {
        String secret =
                Files.readString(dataDir().resolve("download-link-secret")).trim();
        MutableClock yesterday = new MutableClock(Instant.now().minus(Duration.ofDays(2)));
        SignedAssetUrls old =
                new SignedAssetUrls(secret, () -> Optional.of(URI.create(base())), Duration.ofHours(24), yesterday);
        String expired = old.link(assets.asset(new AssetId(id)).orElseThrow())
                .orElseThrow()
                .url()
                .toString();

        HttpResponse<byte[]> refused = Downloads.get(expired);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body())).contains("DOWNLOAD_LINK_EXPIRED");
    }

    @Test
    void withoutTokenOrSignatureTheAssetStaysClosedAndTheLinkParametersOpenNothingElse() {
        String query = signedLink().substring(signedLink().indexOf('?'));

        assertThat(api.withoutToken("GET", "/v1/assets/" + id, null).status()).isEqualTo(401);
        assertThat(api.withoutToken("GET", "/v1/assets/" + id + "?sig=abc", null)
                        .status())
                .as("a signature without its expiry")
                .isEqualTo(401);
        assertThat(api.withoutToken("GET", "/v1/jobs" + query, null).status()).isEqualTo(401);
        assertThat(api.withoutToken("GET", "/v1/jobs/job_x" + query, null).status())
                .isEqualTo(401);
        assertThat(api.withoutToken("POST", "/v1/assets" + query, "{}").status())
                .isEqualTo(401);
        assertThat(api.withoutToken("GET", "/v1/assets/" + id + "/more" + query, null)
                        .status())
                .isEqualTo(401);
    }
}
