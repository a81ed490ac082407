package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.ByteSource;
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
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts product photos: refuses past the byte limit, then as {@link ImageValidator} judges (format sniffed from the
 * bytes, pixel limit checked on the header before decoding, the image decoded whole), then stores it content-addressed.
 * The same bytes uploaded twice give the same asset.
 */
public final class AssetUploadService implements UploadAsset {

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final ImageValidator validator;
    private final UploadLimits limits;
    private final Clock clock;

    public AssetUploadService(AssetRepository assets, BlobStore blobs, ImageDecoder decoder, UploadLimits limits, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.validator = new ImageValidator(decoder, limits.maxPixels());
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public UploadOutcome upload(byte[] data) {
        if (data.length == 0) {
            return new UploadOutcome.Refused(Reason.EMPTY, "the file is empty");
        }
        if (data.length > limits.maxBytes()) {
            return new UploadOutcome.Refused(Reason.TOO_MANY_BYTES, "the file has " + data.length + " bytes; the limit is " + limits.maxBytes());
        }
        ImageValidator.Verdict verdict;
        try {
            verdict = validator.validate(ByteSource.of(data));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
        if (verdict instanceof ImageValidator.Verdict.Unfit unfit) {
            return new UploadOutcome.Refused(reason(unfit.flaw()), "the file " + unfit.reason());
        }
        ImageInfo info = ((ImageValidator.Verdict.Sound) verdict).info();
        String sha256 = Sha256.hex(data);
        Optional<Asset> same = assets.findByContent(sha256, AssetKind.UPLOAD);
        if (same.isPresent()) {
            return new UploadOutcome.Stored(same.get(), false);
        }
        try {
            blobs.put(data, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload", e);
        }
        Asset asset = new Asset(AssetId.next(clock), AssetKind.UPLOAD, info.format().mediaType(), sha256, data.length,
                info.width(), info.height(), null, clock.instant());
        try {
            assets.insert(asset);
            return new UploadOutcome.Stored(asset, true);
        } catch (DuplicateContentException raced) {
            return new UploadOutcome.Stored(assets.findByContent(sha256, AssetKind.UPLOAD).orElseThrow(() -> raced), false);
        }
    }

    private static Reason reason(ImageValidator.Flaw flaw) {
        return switch (flaw) {
            case NOT_AN_IMAGE -> Reason.UNSUPPORTED_TYPE;
            case TOO_MANY_PIXELS -> Reason.TOO_MANY_PIXELS;
            case DAMAGED -> Reason.UNREADABLE;
        };
    }
}
