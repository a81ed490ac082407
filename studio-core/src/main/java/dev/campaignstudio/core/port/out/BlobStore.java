package dev.campaignstudio.core.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed bytes: a blob is named by the hex SHA-256 of its content, so storing twice keeps one copy. Bytes
 * stream in and out; an implementation never holds a whole blob in memory. A store that cannot be reached throws
 * {@link BlobStoreUnavailableException}; a blob that is not there, {@link java.nio.file.NoSuchFileException}.
 */
public interface BlobStore {

    /**
     * Stores the content of {@code file} under its hash, reading it as a stream. When a blob with this hash is already
     * stored its bytes are not written again, but it is marked as written now, so that the collector of unreferenced
     * blobs spares it while its new row commits (and it is written again if it vanished meanwhile). The file itself is
     * left as it is.
     *
     * @param file   the bytes, in a local file
     * @param sha256 hex SHA-256 of the file's content, computed by the caller
     * @throws IOException when the store cannot write
     */
    void put(Path file, String sha256) throws IOException;

    /**
     * Stores {@code data} under its hash (for small files made in memory); as {@link #put(Path, String)} when a blob
     * with this hash is already stored.
     *
     * @param data   the bytes
     * @param sha256 hex SHA-256 of {@code data}, computed by the caller
     * @throws IOException when the store cannot write
     */
    void put(byte[] data, String sha256) throws IOException;

    /**
     * Opens a stored blob for reading. The caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when no blob has this hash
     * @throws IOException                       when the store cannot be read
     */
    InputStream open(String sha256) throws IOException;

    /**
     * Opens {@code length} bytes of a stored blob from byte {@code offset} (a range request). The caller closes the
     * stream; it ends early when the blob is shorter.
     *
     * @param offset first byte, 0-based, at most the blob's size
     * @param length how many bytes, at least 1
     * @throws java.nio.file.NoSuchFileException when no blob has this hash
     * @throws IOException                       when the store cannot be read
     */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /**
     * Whether a blob with this hash is stored.
     *
     * @throws IOException when the store cannot be asked (never answered as {@code false})
     */
    boolean contains(String sha256) throws IOException;

    /**
     * The size and last write of a stored blob.
     *
     * @return empty when no blob has this hash
     * @throws IOException when the store cannot be asked
     */
    Optional<StoredBlob> stat(String sha256) throws IOException;

    /**
     * Every stored blob with its size and when it was written, in no particular order. The caller closes the stream;
     * a store that holds other objects too (a shared bucket) lists only its own.
     *
     * @throws IOException when the store cannot be listed
     */
    Stream<StoredBlob> list() throws IOException;

    /**
     * Deletes a blob.
     *
     * @return whether it was there
     * @throws IOException when the store cannot delete
     */
    boolean delete(String sha256) throws IOException;
}
