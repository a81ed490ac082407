package dev.campaignstudio.core.id;

/** Checks and builds identifiers of the form {@code <prefix>_<ulid>}. */
public final class PrefixedId {

    private PrefixedId() {}

    /** True when {@code value} is {@code prefix + "_" + ulid}. */
    public static boolean matches(String prefix, String value) {
        return value != null
                && value.length() == prefix.length() + 27
                && value.startsWith(prefix + "_")
                && Ulid.isValid(value.substring(prefix.length() + 1));
    }

    /** Returns {@code value} or throws when it is not a well-formed {@code prefix} identifier. */
    public static String require(String prefix, String value) {
        if (!matches(prefix, value)) {
            throw new IllegalArgumentException("not a " + prefix + " id: " + value);
        }
        return value;
    }
}
