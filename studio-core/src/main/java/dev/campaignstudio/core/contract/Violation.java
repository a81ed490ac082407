package dev.campaignstudio.core.contract;

import java.util.Objects;

/**
 * One reason a request was refused.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ({@code ""} for the whole document)
 * @param code    stable upper-snake code, e.g. {@code REQUIRED}, {@code UNKNOWN_FIELD}, {@code TOO_LONG}
 * @param message a sentence for humans; never echoes secrets
 */
public record Violation(String pointer, String code, String message) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Appends an escaped reference token (RFC 6901) to {@code pointer}. */
    public static String child(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** Appends an array index to {@code pointer}. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
