package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.support.HeapSampler;
import dev.campaignstudio.server.support.LargePng;
import dev.campaignstudio.server.support.LargeTransfers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A 200 MB PNG up through {@code POST /v1/assets} and down through {@code GET /v1/assets/{id}}, the heap measured. */
final class LargeAssetRoundTrip {

    private static final long LIMIT = 64L * 1024 * 1024;
    private static final int SIDE = 5800;

    private LargeAssetRoundTrip() {}

    /** Writes the PNG at {@code png}, sends it up and back down, and asserts the live heap grew by less than 64 MB. */
    static void assertHeapGrowthUnder64Megabytes(int port, String token, Path png) throws Exception {
        String sha256 = LargePng.write(png, SIDE, SIDE);
        long size = Files.size(png);
        assertThat(size).isGreaterThan(200_000_000L);

        HeapSampler heap = HeapSampler.start();
        try {
            HttpResponse<String> uploaded = LargeTransfers.upload(port, token, png, "large.png", "image/png");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            JsonNode asset = JsonMapper.builder().build().readTree(uploaded.body());
            assertThat(asset.get("sha256").asString()).isEqualTo(sha256);
            assertThat(asset.get("bytes").asLong()).isEqualTo(size);
            assertThat(asset.get("width").asInt()).isEqualTo(SIDE);

            LargeTransfers.Streamed download = LargeTransfers.download(
                    "http://127.0.0.1:" + port + "/v1/assets/" + asset.get("id").asString(), token);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.contentLength()).isEqualTo(size);
            assertThat(download.bytes()).isEqualTo(size);
            assertThat(download.sha256()).isEqualTo(sha256);
        } finally {
            heap.stop();
        }

        assertThat(heap.samples())
                .as("the heap was measured during the transfer")
                .isGreaterThan(2);
        assertThat(heap.growth())
                .as("live heap growth during a %d-byte upload and download (baseline %d)", size, heap.baseline())
                .isLessThan(LIMIT);
        System.out.printf(
                "large asset round trip: %d bytes, live heap growth %d bytes (baseline %d, %d samples)%n",
                size, heap.growth(), heap.baseline(), heap.samples());
    }
}
