package dev.campaignstudio.core.port.out;

import java.io.IOException;

/**
 * The blob store could not be reached or answered with a server error: a later attempt may succeed. A step that meets
 * it fails with the retryable {@code STORAGE_UNAVAILABLE}.
 */
public class BlobStoreUnavailableException extends IOException {

    public BlobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure} or one of its causes says the blob store was unavailable. */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BlobStoreUnavailableException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
