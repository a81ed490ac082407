package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads stored assets. */
public interface FindAssets {

    /** The asset record with {@code id}, if any. */
    Optional<Asset> asset(AssetId id);

    /** The asset record with {@code id} if {@code viewer} owns it; {@code null} (an admin) sees every asset. */
    Optional<Asset> asset(AssetId id, String viewer);

    /**
     * Opens the bytes of {@code asset}; the caller closes the stream.
     *
     * @throws IOException when the bytes are missing from the store
     */
    InputStream open(Asset asset) throws IOException;

    /**
     * Opens {@code length} bytes of {@code asset} from byte {@code offset}, for a range request; the caller closes the
     * stream.
     *
     * @throws IOException when the bytes are missing from the store
     */
    InputStream open(Asset asset, long offset, long length) throws IOException;
}
