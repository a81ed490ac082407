package dev.campaignstudio.core.asset;

import java.util.regex.Pattern;

/** Checks the names of content-addressed blobs: lower-case hex SHA-256 digests. */
public final class BlobKeys {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BlobKeys() {}

    /** Whether {@code name} is a lower-case hex SHA-256 digest. */
    public static boolean isSha256(String name) {
        return name != null && SHA256.matcher(name).matches();
    }

    /**
     * Returns {@code sha256} when it is a blob name.
     *
     * @throws IllegalArgumentException otherwise (a name never reaches a path or an object key unchecked)
     */
    public static String require(String sha256) {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return sha256;
    }
}
