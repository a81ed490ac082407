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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts product photos: sniffs the format from the bytes, refuses past the byte and pixel limits before decoding,
 * proves the image decodes, then stores it content-addressed. The same bytes uploaded twice give the same asset.
 */
public final class AssetUploadService implements UploadAsset {

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final ImageDecoder decoder;
    private final UploadLimits limits;
    private final Clock clock;

    public AssetUploadService(AssetRepository assets, BlobStore blobs, ImageDecoder decoder, UploadLimits limits, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.decoder = decoder;
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
        Optional<ImageInfo> sniffed = ImageSniffer.sniff(data);
        if (sniffed.isEmpty()) {
            return new UploadOutcome.Refused(Reason.UNSUPPORTED_TYPE, "the file is not a PNG, JPEG or WebP image");
        }
        ImageInfo info = sniffed.get();
        if (info.pixels() > limits.maxPixels()) {
            return new UploadOutcome.Refused(Reason.TOO_MANY_PIXELS, "the image is " + info.width() + "x" + info.height()
                    + " (" + info.pixels() + " pixels); the limit is " + limits.maxPixels() + " pixels");
        }
        if (!decoder.decodes(data, info)) {
            return new UploadOutcome.Refused(Reason.UNREADABLE, "the " + info.format().name() + " image is damaged or truncated");
        }
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
}
