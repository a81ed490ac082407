package dev.campaignstudio.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes, in lower-case hex. */
public final class Sha256 {

    private Sha256() {}

    /** Hex SHA-256 of {@code data}. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of the content of {@code file}, read as a stream. */
    public static String hex(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hex form of a finished digest. */
    public static String hex(MessageDigest finished) {
        return HexFormat.of().formatHex(finished.digest());
    }

    /** A fresh digest, for hashing a stream in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
