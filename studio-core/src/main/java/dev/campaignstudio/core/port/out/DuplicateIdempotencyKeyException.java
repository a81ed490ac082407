package dev.campaignstudio.core.port.out;

/** A job with the same idempotency key was stored first (possibly by a concurrent request). */
public final class DuplicateIdempotencyKeyException extends RuntimeException {

    public DuplicateIdempotencyKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
