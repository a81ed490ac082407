package dev.campaignstudio.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A blob as a store lists it.
 *
 * @param sha256       hex SHA-256 of its content, its name
 * @param bytes        size
 * @param lastModified when it was written
 */
public record StoredBlob(String sha256, long bytes, Instant lastModified) {

    public StoredBlob {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(lastModified, "lastModified");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
