package dev.campaignstudio.server.adapter.out.s3;

import dev.campaignstudio.core.asset.BlobKeys;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.core.port.out.StoredBlob;
import dev.campaignstudio.server.adapter.out.Slices;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3-compatible bucket, keyed {@code <prefix><sha256>}. A put first asks whether the key exists
 * and uploads nothing when it does (an older object is copied onto itself on the server, to mark it written now); a file larger than the threshold goes up in parts read one at a time from the
 * file; reads stream the object's body (ranged reads ask for the range). Nothing is held whole in memory. A store
 * that cannot be reached, or answers 5xx or 429, raises {@link BlobStoreUnavailableException}.
 */
public final class S3BlobStore implements BlobStore {

    private static final String BINARY = "application/octet-stream";

    /** How old a stored blob may be before a put of the same content marks it as written again. */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(1);

    private final S3Client s3;
    private final S3Settings settings;

    public S3BlobStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    /** The object key of a blob. */
    public String key(String sha256) {
        return settings.prefix() + BlobKeys.require(sha256);
    }

    @Override
    public void put(Path file, String sha256) throws IOException {
        String key = key(sha256);
        if (refreshed(sha256)) {
            return;
        }
        long size = Files.size(file);
        try {
            if (size > settings.multipartThreshold()) {
                putInParts(file, size, key);
            } else {
                s3.putObject(
                        b -> b.bucket(settings.bucket())
                                .key(key)
                                .contentType(BINARY)
                                .contentLength(size),
                        RequestBody.fromContentProvider(() -> open(file), size, BINARY));
            }
        } catch (SdkException e) {
            throw translate(e, "store", sha256);
        }
    }

    @Override
    public void put(byte[] data, String sha256) throws IOException {
        String key = key(sha256);
        if (refreshed(sha256)) {
            return;
        }
        try {
            s3.putObject(
                    b -> b.bucket(settings.bucket())
                            .key(key)
                            .contentType(BINARY)
                            .contentLength((long) data.length),
                    RequestBody.fromBytes(data));
        } catch (SdkException e) {
            throw translate(e, "store", sha256);
        }
    }

    /**
     * Whether the blob is stored; one written more than {@link #REFRESH_AFTER} ago is copied onto itself (on the
     * server, no bytes through here) so its last write is now. {@code false} when it is not (any more) there.
     */
    private boolean refreshed(String sha256) throws IOException {
        Optional<StoredBlob> stored = stat(sha256);
        if (stored.isEmpty()) {
            return false;
        }
        if (stored.get().lastModified().isAfter(Instant.now().minus(REFRESH_AFTER))) {
            return true;
        }
        String key = key(sha256);
        try {
            s3.copyObject(b -> b.sourceBucket(settings.bucket())
                    .sourceKey(key)
                    .destinationBucket(settings.bucket())
                    .destinationKey(key)
                    .metadataDirective(MetadataDirective.REPLACE)
                    .contentType(BINARY));
            return true;
        } catch (NoSuchKeyException deletedMeanwhile) {
            return false;
        } catch (SdkException e) {
            IOException translated = translate(e, "refresh", sha256);
            if (translated instanceof NoSuchFileException) {
                return false;
            }
            throw translated;
        }
    }

    private void putInParts(Path file, long size, String key) throws IOException {
        String uploadId = s3.createMultipartUpload(
                        b -> b.bucket(settings.bucket()).key(key).contentType(BINARY))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            for (int number = 1; offset < size; number++) {
                long from = offset;
                long length = Math.min(settings.partBytes(), size - offset);
                int part = number;
                String etag = s3.uploadPart(
                                b -> b.bucket(settings.bucket())
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(part)
                                        .contentLength(length),
                                RequestBody.fromContentProvider(() -> slice(file, from, length), length, BINARY))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
                offset += length;
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abortQuietly(key, uploadId);
            throw e;
        }
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // the bucket's lifecycle rule for incomplete uploads removes it (docs/operations.md)
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = key(sha256);
        try {
            return new Translating(s3.getObject(b -> b.bucket(settings.bucket()).key(key)), sha256);
        } catch (SdkException e) {
            throw translate(e, "read", sha256);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("a range starts at 0 or later and has at least one byte");
        }
        String key = key(sha256);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return new Translating(
                    s3.getObject(b -> b.bucket(settings.bucket()).key(key).range(range)), sha256);
        } catch (SdkException e) {
            throw translate(e, "read", sha256);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        return stat(sha256).isPresent();
    }

    @Override
    public Optional<StoredBlob> stat(String sha256) throws IOException {
        String key = key(sha256);
        try {
            HeadObjectResponse head =
                    s3.headObject(b -> b.bucket(settings.bucket()).key(key));
            return Optional.of(new StoredBlob(sha256, head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw translate(e, "look up", sha256);
        } catch (SdkException e) {
            throw translate(e, "look up", sha256);
        }
    }

    @Override
    public Stream<StoredBlob> list() throws IOException {
        try {
            return s3
                    .listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
                    .contents()
                    .stream()
                    .map(this::stored)
                    .flatMap(Stream::ofNullable);
        } catch (SdkException e) {
            throw translate(e, "list", null);
        }
    }

    private StoredBlob stored(S3Object object) {
        String name = object.key().substring(settings.prefix().length());
        return BlobKeys.isSha256(name) ? new StoredBlob(name, object.size(), object.lastModified()) : null;
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        boolean there = contains(sha256);
        if (there) {
            String key = key(sha256);
            try {
                s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
            } catch (SdkException e) {
                throw translate(e, "delete", sha256);
            }
        }
        return there;
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            return Slices.of(file, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The port's exceptions for the SDK's: not found, unavailable (unreachable, 5xx, 429: worth another attempt), or
     * refused (credentials, permissions: not). Messages name the blob, never the credentials.
     */
    static IOException translate(SdkException e, String what, String sha256) {
        String subject = sha256 == null ? "the bucket" : "blob " + sha256;
        if (e instanceof NoSuchKeyException || e instanceof S3Exception s3 && s3.statusCode() == 404) {
            return new NoSuchFileException(subject);
        }
        if (e instanceof SdkClientException
                || e instanceof S3Exception s3 && (s3.statusCode() >= 500 || s3.statusCode() == 429)) {
            return new BlobStoreUnavailableException("the asset store could not " + what + " " + subject, e);
        }
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null
                    ? ""
                    : " " + s3.awsErrorDetails().errorCode();
            return new IOException(
                    "the asset store refused to " + what + " " + subject + ": HTTP " + s3.statusCode() + code);
        }
        return new BlobStoreUnavailableException("the asset store could not " + what + " " + subject, e);
    }

    /** An object's body whose read failures (a connection lost midway) say that the store is unavailable. */
    private static final class Translating extends FilterInputStream {

        private final String sha256;

        Translating(InputStream in, String sha256) {
            super(in);
            this.sha256 = sha256;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException | SdkException e) {
                throw lost(e);
            }
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            try {
                return in.read(buffer, off, len);
            } catch (IOException | SdkException e) {
                throw lost(e);
            }
        }

        private IOException lost(Exception e) {
            return e instanceof BlobStoreUnavailableException unavailable
                    ? unavailable
                    : new BlobStoreUnavailableException("the asset store stopped sending blob " + sha256, e);
        }
    }
}
