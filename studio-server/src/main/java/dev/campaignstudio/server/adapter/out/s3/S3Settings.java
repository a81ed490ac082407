package dev.campaignstudio.server.adapter.out.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where the S3-compatible store is. Credentials are not here: they come from the SDK's default provider chain (the
 * environment), never from configuration files or job payloads.
 *
 * @param endpoint           the store's URL, or {@code null} for AWS's own endpoint of the region
 * @param bucket             the bucket (created by the operator beforehand)
 * @param region             the signing region, e.g. {@code us-east-1}
 * @param pathStyleAccess    {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (most
 *                           self-hosted stores want it)
 * @param prefix             prepended to every key, e.g. {@code studio/assets/}; may be empty
 * @param partBytes          size of each part of a multipart upload (at least 5 MiB, S3's minimum)
 * @param multipartThreshold files larger than this are uploaded in parts
 */
public record S3Settings(
        URI endpoint,
        String bucket,
        String region,
        boolean pathStyleAccess,
        String prefix,
        long partBytes,
        long multipartThreshold) {

    /** S3's smallest part but the last. */
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("studio.storage.s3.bucket must name a bucket");
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
        prefix = prefix == null ? "" : prefix;
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("studio.storage.s3.prefix must not start with '/'");
        }
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("a multipart upload's parts are at least 5 MiB");
        }
        if (multipartThreshold < partBytes) {
            throw new IllegalArgumentException("the multipart threshold is at least one part");
        }
    }
}
