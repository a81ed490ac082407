package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.port.in.UploadAsset;
import dev.campaignstudio.core.port.in.UploadOutcome;
import dev.campaignstudio.core.port.in.UploadOutcome.Reason;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.DuplicateContentException;
import dev.campaignstudio.core.port.out.ImageDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts product photos: streams the upload to a staging file while hashing it (never holding it whole in memory),
 * sniffs the format from its first bytes, refuses past the byte and pixel limits before decoding, proves the image
 * decodes from the file, then streams it to the blob store content-addressed. The same bytes uploaded twice give the
 * same asset.
 */
public final class AssetUploadService implements UploadAsset {

    /** How much of the start of a file the format sniffer reads: headers, and the segments a JPEG puts before its frame. */
    static final int HEAD_BYTES = 1 << 20;

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final ImageDecoder decoder;
    private final UploadLimits limits;
    private final Clock clock;
    private final Path staging;

    /** An upload service that stages uploads in the system's temporary directory. */
    public AssetUploadService(AssetRepository assets, BlobStore blobs, ImageDecoder decoder, UploadLimits limits, Clock clock) {
        this(assets, blobs, decoder, limits, clock, null);
    }

    /**
     * @param staging where uploads are written while they are checked (owner-only), or {@code null} for the system's
     *                temporary directory
     */
    public AssetUploadService(AssetRepository assets, BlobStore blobs, ImageDecoder decoder, UploadLimits limits, Clock clock,
            Path staging) {
        this.assets = assets;
        this.blobs = blobs;
        this.decoder = decoder;
        this.limits = limits;
        this.clock = clock;
        this.staging = staging;
    }

    @Override
    public UploadOutcome upload(InputStream data) throws IOException {
        Path staged = staging == null ? Files.createTempFile("upload-", ".part") : Files.createTempFile(staging, "upload-", ".part");
        try {
            Staged upload = stage(data, staged);
            if (upload.bytes() == 0) {
                return new UploadOutcome.Refused(Reason.EMPTY, "the file is empty");
            }
            if (upload.bytes() > limits.maxBytes()) {
                return new UploadOutcome.Refused(Reason.TOO_MANY_BYTES, "the file has more than " + limits.maxBytes()
                        + " bytes; the limit is " + limits.maxBytes());
            }
            return check(staged, upload);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private UploadOutcome check(Path file, Staged upload) throws IOException {
        Optional<ImageInfo> sniffed = ImageSniffer.sniff(upload.head());
        if (sniffed.isEmpty()) {
            return new UploadOutcome.Refused(Reason.UNSUPPORTED_TYPE, "the file is not a PNG, JPEG or WebP image");
        }
        ImageInfo info = sniffed.get();
        if (info.pixels() > limits.maxPixels()) {
            return new UploadOutcome.Refused(Reason.TOO_MANY_PIXELS, "the image is " + info.width() + "x" + info.height()
                    + " (" + info.pixels() + " pixels); the limit is " + limits.maxPixels() + " pixels");
        }
        if (!decoder.decodes(file, info)) {
            return new UploadOutcome.Refused(Reason.UNREADABLE, "the " + info.format().name() + " image is damaged or truncated");
        }
        String sha256 = upload.sha256();
        Optional<Asset> same = assets.findByContent(sha256, AssetKind.UPLOAD);
        if (same.isPresent() && blobs.contains(sha256)) {
            return new UploadOutcome.Stored(same.get(), false);
        }
        // write the blob, then commit its row: a blob whose row never commits is collected later (docs/operations.md)
        blobs.put(file, sha256);
        if (same.isPresent()) {
            return new UploadOutcome.Stored(same.get(), false);
        }
        Asset asset = new Asset(AssetId.next(clock), AssetKind.UPLOAD, info.format().mediaType(), sha256, upload.bytes(),
                info.width(), info.height(), null, clock.instant());
        try {
            assets.insert(asset);
            return new UploadOutcome.Stored(asset, true);
        } catch (DuplicateContentException raced) {
            return new UploadOutcome.Stored(assets.findByContent(sha256, AssetKind.UPLOAD).orElseThrow(() -> raced), false);
        }
    }

    /**
     * Copies {@code data} to {@code file}, hashing it on the way and keeping its first {@link #HEAD_BYTES} for the
     * sniffer; stops one byte past the byte limit.
     */
    private Staged stage(InputStream data, Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while (total <= limits.maxBytes() && (n = data.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                if (head.size() < HEAD_BYTES) {
                    head.write(buffer, 0, Math.min(n, HEAD_BYTES - head.size()));
                }
                total += n;
            }
        }
        return new Staged(total, Sha256.hex(digest), head.toByteArray());
    }

    private record Staged(long bytes, String sha256, byte[] head) {
    }
}
