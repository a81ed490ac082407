package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.asset.AssetId;
import java.util.Optional;

/**
 * One product photo: an http(s) URL, or {@code asset:<id>} naming an image uploaded through {@code POST /v1/assets}.
 *
 * @param uri the reference as the client gave it
 */
public record ProductImage(String uri) {

    /** Prefix of references to uploaded assets. */
    public static final String ASSET_SCHEME = "asset:";

    public ProductImage {
        Require.text(uri, "image uri", Limits.URL_MAX);
        if (problem(uri).isPresent()) {
            throw new IllegalArgumentException("image uri " + problem(uri).get());
        }
    }

    /** Why {@code uri} is not an acceptable image reference, if it is not. */
    public static Optional<String> problem(String uri) {
        if (uri.startsWith(ASSET_SCHEME)) {
            return AssetId.isValid(uri.substring(ASSET_SCHEME.length()))
                    ? Optional.empty()
                    : Optional.of("must be asset:<id> with an id from POST /v1/assets");
        }
        return WebUrl.problem(uri).map(p -> p + " (or be asset:<id>)");
    }

    /** The uploaded asset this image names, when it names one. */
    public Optional<AssetId> assetId() {
        return uri.startsWith(ASSET_SCHEME)
                ? Optional.of(new AssetId(uri.substring(ASSET_SCHEME.length())))
                : Optional.empty();
    }
}
