package dev.campaignstudio.core.port.out;

/** An asset of the same kind with the same content was stored first (possibly by a concurrent upload). */
public final class DuplicateContentException extends RuntimeException {

    public DuplicateContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
