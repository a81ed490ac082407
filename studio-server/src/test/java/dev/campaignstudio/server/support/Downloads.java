package dev.campaignstudio.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/** Fetches outputs the way a product backend does: by their {@code download_url}, with no token. */
public final class Downloads {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Downloads() {}

    /** GETs {@code url} with no credentials and the given headers (name, value, ...). */
    public static HttpResponse<byte[]> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that a manifest output's {@code download_url} is absolute and serves, with no token, bytes whose SHA-256
     * is the output's, and that a range of it is exactly those bytes; returns the bytes.
     */
    public static byte[] assertServedWithoutToken(JsonNode output) {
        assertThat(output.has("download_url"))
                .as("output %s has a download_url", output)
                .isTrue();
        String url = output.get("download_url").asString();
        assertThat(URI.create(url).isAbsolute()).as(url).isTrue();
        assertThat(output.get("download_expires_at").asString()).isNotBlank();
        HttpResponse<byte[]> whole = get(url);
        assertThat(whole.statusCode()).as("GET %s", output.get("asset_id")).isEqualTo(200);
        assertThat(Sha256.hex(whole.body())).isEqualTo(output.get("sha256").asString());
        int from = whole.body().length / 3;
        int to = Math.min(whole.body().length - 1, from + 99);
        HttpResponse<byte[]> part = get(url, "Range", "bytes=" + from + "-" + to);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), from, to + 1));
        return whole.body();
    }
}
