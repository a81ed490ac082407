package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.port.in.UploadAsset;
import dev.campaignstudio.core.port.in.UploadOutcome;
import dev.campaignstudio.core.port.in.UploadOutcome.Reason;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.DuplicateContentException;
import dev.campaignstudio.core.port.out.ImageDecoder;
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
 * refuses past the byte limit, then as {@link ImageValidator} judges the staged file (format sniffed from the bytes,
 * pixel limit checked on the header before decoding, the image decoded whole), then streams it to the blob store
 * content-addressed. The same bytes uploaded twice give the same asset.
 */
public final class AssetUploadService implements UploadAsset {

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final ImageValidator validator;
    private final UploadLimits limits;
    private final Clock clock;
    private final Path staging;

    /** An upload service that stages uploads in the system's temporary directory. */
    public AssetUploadService(
            AssetRepository assets, BlobStore blobs, ImageDecoder decoder, UploadLimits limits, Clock clock) {
        this(assets, blobs, decoder, limits, clock, null);
    }

    /**
     * @param staging where uploads are written while they are checked (owner-only), or {@code null} for the system's
     *                temporary directory
     */
    public AssetUploadService(
            AssetRepository assets,
            BlobStore blobs,
            ImageDecoder decoder,
            UploadLimits limits,
            Clock clock,
            Path staging) {
        this.assets = assets;
        this.blobs = blobs;
        this.validator = new ImageValidator(decoder, limits.maxPixels());
        this.limits = limits;
        this.clock = clock;
        this.staging = staging;
    }

    @Override
    public UploadOutcome upload(InputStream data, String owner) throws IOException {
        Path staged = staging == null
                ? Files.createTempFile("upload-", ".part")
                : Files.createTempFile(staging, "upload-", ".part");
        try {
            Staged upload = stage(data, staged);
            if (upload.bytes() == 0) {
                return new UploadOutcome.Refused(Reason.EMPTY, "the file is empty");
            }
            if (upload.bytes() > limits.maxBytes()) {
                return new UploadOutcome.Refused(
                        Reason.TOO_MANY_BYTES,
                        "the file has more than " + limits.maxBytes() + " bytes; the limit is " + limits.maxBytes());
            }
            return check(staged, upload, owner);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private UploadOutcome check(Path file, Staged upload, String owner) throws IOException {
        ImageValidator.Verdict verdict = validator.validate(() -> Files.newInputStream(file));
        if (verdict instanceof ImageValidator.Verdict.Unfit unfit) {
            return new UploadOutcome.Refused(reason(unfit.flaw()), "the file " + unfit.reason());
        }
        ImageInfo info = ((ImageValidator.Verdict.Sound) verdict).info();
        String sha256 = upload.sha256();
        Optional<Asset> same = assets.findByContent(sha256, AssetKind.UPLOAD, owner);
        if (same.isPresent() && blobs.contains(sha256)) {
            return new UploadOutcome.Stored(same.get(), false);
        }
        // write the blob, then commit its row: a blob whose row never commits is collected later (docs/operations.md)
        blobs.put(file, sha256);
        if (same.isPresent()) {
            return new UploadOutcome.Stored(same.get(), false);
        }
        Asset asset = new Asset(
                AssetId.next(clock),
                AssetKind.UPLOAD,
                info.format().mediaType(),
                sha256,
                upload.bytes(),
                info.width(),
                info.height(),
                null,
                clock.instant());
        try {
            assets.insert(asset, owner);
            return new UploadOutcome.Stored(asset, true);
        } catch (DuplicateContentException raced) {
            return new UploadOutcome.Stored(
                    assets.findByContent(sha256, AssetKind.UPLOAD, owner).orElseThrow(() -> raced), false);
        }
    }

    /** Copies {@code data} to {@code file}, hashing it on the way; stops one buffer past the byte limit. */
    private Staged stage(InputStream data, Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[65536];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while (total <= limits.maxBytes() && (n = data.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        return new Staged(total, Sha256.hex(digest));
    }

    private record Staged(long bytes, String sha256) {}

    private static Reason reason(ImageValidator.Flaw flaw) {
        return switch (flaw) {
            case NOT_AN_IMAGE -> Reason.UNSUPPORTED_TYPE;
            case TOO_MANY_PIXELS -> Reason.TOO_MANY_PIXELS;
            case DAMAGED -> Reason.UNREADABLE;
        };
    }
}
