package dev.campaignstudio.core.asset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes that can be read from the start as often as needed: an upload in memory, in a temporary file, or in the blob
 * store. Checking an image reads it more than once (its header, then all of it), never into one array.
 */
@FunctionalInterface
public interface ByteSource {

    /** A new stream over the bytes, from the first; the caller closes it. */
    InputStream open() throws IOException;

    /** The bytes of {@code data}. */
    static ByteSource of(byte[] data) {
        Objects.requireNonNull(data, "data");
        return () -> new ByteArrayInputStream(data);
    }
}
