package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.application.ImageValidator;
import dev.campaignstudio.core.application.ImageValidator.Verdict;
import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.ByteSource;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.contract.ProductImage;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.core.port.out.OutboundGuard;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.core.port.out.WebFetcher.Fetch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a product's photos: uploaded assets from the blob store, URLs through the outbound rules (size and time
 * capped). Every photo is judged as an upload is ({@link ImageValidator}): what is not a PNG, JPEG or WebP image, is
 * larger than the pixel limit, or does not decode whole, is refused.
 * A URL that fails says only that it is not allowed or unreachable: never an address, nor how its host resolved.
 */
public final class SourceImages {

    /** Accept header sent for product photos. */
    static final String ACCEPT = "image/png, image/jpeg, image/webp;q=0.9, */*;q=0.1";

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final WebFetcher web;
    private final ImageValidator validator;
    private final long maxBytes;
    private final Duration deadline;

    /**
     * @param validator judges every photo as an upload is judged (format, pixel limit, decodes whole)
     * @param maxBytes  largest photo fetched from a URL
     * @param deadline  longest a URL fetch may take
     */
    public SourceImages(
            AssetRepository assets,
            BlobStore blobs,
            WebFetcher web,
            ImageValidator validator,
            long maxBytes,
            Duration deadline) {
        this.assets = assets;
        this.blobs = blobs;
        this.web = web;
        this.validator = validator;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /**
     * Loads the {@code index}-th (1-based) photo.
     *
     * @throws StepFault {@code SOURCE_UNREACHABLE} (retryable) when a server did not answer or answered 5xx/429;
     *                   {@code SOURCE_UNREADABLE} when the photo is missing, refused, too large, damaged or not an image
     */
    public Source load(ProductImage image, int index) throws StepFault {
        String label = "image " + index;
        byte[] data = image.assetId().isPresent() ? fromAsset(image, label) : fromUrl(URI.create(image.uri()), label);
        Verdict verdict;
        try {
            verdict = validator.validate(ByteSource.of(data));
        } catch (IOException e) {
            throw StepFault.transientFault("SOURCE_UNREACHABLE", label + " could not be read");
        }
        if (verdict instanceof Verdict.Unfit unfit) {
            throw StepFault.permanent("SOURCE_UNREADABLE", label + " " + unfit.reason());
        }
        return new Source(index, data, Sha256.hex(data), ((Verdict.Sound) verdict).info());
    }

    private byte[] fromAsset(ProductImage image, String label) throws StepFault {
        Optional<Asset> asset = assets.find(image.assetId().orElseThrow());
        if (asset.isEmpty()) {
            throw StepFault.permanent("SOURCE_UNREADABLE", label + " names an asset that does not exist");
        }
        try (InputStream in = blobs.open(asset.get().sha256())) {
            return in.readAllBytes();
        } catch (BlobStoreUnavailableException e) {
            throw StepFault.transientFault("STORAGE_UNAVAILABLE", label + ": the asset store could not be reached");
        } catch (IOException e) {
            throw StepFault.transientFault("SOURCE_UNREACHABLE", label + ": the stored file could not be read");
        }
    }

    private byte[] fromUrl(URI url, String label) throws StepFault {
        Fetch fetch = web.get(url, ACCEPT, maxBytes, deadline);
        if (fetch instanceof Fetch.Fetched fetched) {
            return fetched.body();
        }
        if (fetch instanceof Fetch.Status status) {
            boolean worthRetrying = status.status() >= 500 || status.status() == 429 || status.status() == 408;
            String message = label + ": the server answered HTTP " + status.status();
            throw worthRetrying
                    ? StepFault.transientFault("SOURCE_UNREACHABLE", message)
                    : StepFault.permanent("SOURCE_UNREADABLE", message);
        }
        if (fetch instanceof Fetch.TooLarge tooLarge) {
            throw StepFault.permanent("SOURCE_UNREADABLE", label + " is larger than " + tooLarge.maxBytes() + " bytes");
        }
        if (fetch instanceof Fetch.Refused) {
            throw StepFault.permanent("SOURCE_UNREADABLE", label + " is " + OutboundGuard.NOT_ALLOWED);
        }
        throw StepFault.transientFault("SOURCE_UNREACHABLE", label + " is unreachable");
    }

    /**
     * A loaded photo.
     *
     * @param index  1-based position in the product's images
     * @param data   the bytes
     * @param sha256 their hash, which product checkpoints are keyed by
     * @param info   format and size
     */
    public record Source(int index, byte[] data, String sha256, ImageInfo info) {
        public Source {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(info, "info");
        }
    }
}
