package dev.campaignstudio.core.port.out;

import java.io.IOException;
import java.io.InputStream;

/** Content-addressed bytes: a blob is named by the hex SHA-256 of its content, so storing twice keeps one copy. */
public interface BlobStore {

    /**
     * Stores {@code data} under its hash.
     *
     * @param data  the bytes
     * @param sha256 hex SHA-256 of {@code data}, computed by the caller
     * @throws IOException when the store cannot write
     */
    void put(byte[] data, String sha256) throws IOException;

    /**
     * Opens a stored blob for reading. The caller closes the stream.
     *
     * @throws IOException when the blob is missing or unreadable
     */
    InputStream open(String sha256) throws IOException;

    /** Whether a blob with this hash is stored. */
    boolean contains(String sha256);
}
