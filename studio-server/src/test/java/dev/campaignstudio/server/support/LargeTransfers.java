package dev.campaignstudio.server.support;

import dev.campaignstudio.core.asset.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;

/** Large files up and down through the service without holding them in the test either: streamed, hashed as read. */
public final class LargeTransfers {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LargeTransfers() {}

    /**
     * A body read to its end as it arrives.
     *
     * @param status        the answer's status
     * @param contentLength its {@code Content-Length}, or -1
     * @param bytes         how many bytes came
     * @param sha256        their hex SHA-256
     */
    public record Streamed(int status, long contentLength, long bytes, String sha256) {}

    /** {@code POST /v1/assets} of a local file as multipart, streamed from disk. */
    public static HttpResponse<String> upload(int port, String token, Path file, String fileName, String type)
            throws IOException, InterruptedException {
        String boundary = "----studio" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/assets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code url} (with a bearer token unless {@code token} is null) and hashes the body as it streams in. */
    public static Streamed download(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = Sha256.digest();
        long read = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = body.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Streamed(response.statusCode(), declared, read, Sha256.hex(digest));
    }
}
