package dev.campaignstudio.server.json;

/** A request body that is not well-formed JSON. The message is safe to show to the client. */
public final class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message, null, false, false);
    }
}
