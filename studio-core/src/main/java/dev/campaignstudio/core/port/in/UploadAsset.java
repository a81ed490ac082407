package dev.campaignstudio.core.port.in;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Stores client-uploaded product photos. */
public interface UploadAsset {

    /**
     * Checks and stores an uploaded image, streaming it: it is never held whole in memory. The type is sniffed from
     * the bytes; a declared type or file name is ignored.
     *
     * @param data the uploaded bytes; read to the end (or to just past the byte limit), not closed
     * @return the stored asset (the existing one when the same bytes were uploaded before), or why it was refused
     * @throws IOException when the upload cannot be read or staged
     */
    default UploadOutcome upload(InputStream data) throws IOException {
        return upload(data, dev.campaignstudio.core.job.Job.DEFAULT_OWNER);
    }

    /** {@link #upload(InputStream)} for {@code owner}: the same bytes from two callers are two assets. */
    UploadOutcome upload(InputStream data, String owner) throws IOException;

    /** {@link #upload(InputStream)} for bytes already in memory. */
    default UploadOutcome upload(byte[] data) {
        try {
            return upload(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
