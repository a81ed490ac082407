package dev.campaignstudio.core.asset;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An absolute URL that serves an asset's bytes without credentials until it expires.
 *
 * @param url       the link; a secret in itself, so it is never logged
 * @param expiresAt when it stops working
 */
public record DownloadLink(URI url, Instant expiresAt) {

    public DownloadLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("a download link is an absolute URL");
        }
    }

    @Override
    public String toString() {
        return "DownloadLink[expiresAt=" + expiresAt + "]";
    }
}
