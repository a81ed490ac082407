package dev.campaignstudio.core.contract;

import java.util.Objects;

/** Guards for record constructors: contract objects built in code obey the same rules as read ones. */
final class Require {

    private Require() {}

    static <T> T present(T value, String name) {
        return Objects.requireNonNull(value, name + " is required");
    }

    static String text(String value, String name, int max) {
        present(value, name);
        if (value.isBlank() || value.codePointCount(0, value.length()) > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
        }
        return value;
    }

    static String optionalText(String value, String name, int max) {
        return value == null ? null : text(value, name, max);
    }

    static int range(int value, String name, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
