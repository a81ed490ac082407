package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.DownloadLink;
import java.util.Optional;

/**
 * Links that serve an asset's bytes to whoever holds them, without this service's token, until they expire: what a
 * product backend fetches outputs by (an S3 presigned GET, or a service URL signed with HMAC).
 */
public interface DownloadLinks {

    /** No links: outputs carry only their service {@code url}. */
    DownloadLinks NONE = asset -> Optional.empty();

    /**
     * A fresh link to {@code asset}, valid for the configured time from now.
     *
     * @return the link, or empty when this deployment makes none
     */
    Optional<DownloadLink> link(Asset asset);
}
