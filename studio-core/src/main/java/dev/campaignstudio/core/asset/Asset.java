package dev.campaignstudio.core.asset;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored file with its media facts. The bytes live in a {@code BlobStore} under their SHA-256.
 *
 * @param id         asset id
 * @param kind       what it is for
 * @param mediaType  IANA media type, e.g. {@code image/png}
 * @param sha256     hex SHA-256 of the bytes
 * @param bytes      size in bytes
 * @param width      pixels, or {@code null} for non-visual media
 * @param height     pixels, or {@code null}
 * @param durationMs length of audio or video, or {@code null}
 * @param createdAt  when it was stored
 */
public record Asset(
        AssetId id,
        AssetKind kind,
        String mediaType,
        String sha256,
        long bytes,
        Integer width,
        Integer height,
        Long durationMs,
        Instant createdAt) {

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
