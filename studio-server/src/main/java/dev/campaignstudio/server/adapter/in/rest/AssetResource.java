package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.asset.Asset;
import java.time.Instant;

/**
 * A stored asset.
 *
 * @param id         asset id; reference it in a job as {@code asset:<id>}
 * @param kind       what it is for, e.g. {@code upload}
 * @param mediaType  type sniffed from the bytes
 * @param bytes      size
 * @param width      pixels, or {@code null}
 * @param height     pixels, or {@code null}
 * @param durationMs length of audio or video, or {@code null}
 * @param sha256     hex SHA-256 of the bytes
 * @param url        where the bytes are served
 * @param createdAt  when it was stored
 */
public record AssetResource(
        String id,
        String kind,
        String mediaType,
        long bytes,
        Integer width,
        Integer height,
        Long durationMs,
        String sha256,
        String url,
        Instant createdAt) {

    static AssetResource of(Asset asset, String url) {
        return new AssetResource(
                asset.id().value(),
                asset.kind().wire(),
                asset.mediaType(),
                asset.bytes(),
                asset.width(),
                asset.height(),
                asset.durationMs(),
                asset.sha256(),
                url,
                asset.createdAt());
    }
}
