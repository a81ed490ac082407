package dev.campaignstudio.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens accepted on {@code /v1/**}. Compared in constant time; never logged. In embedded mode with none
 * configured, one is generated once into {@code <data-dir>/api-token} (owner read/write only) and its path is logged.
 */
public final class ApiTokens {

    /** File name of the generated token inside the data directory. */
    public static final String TOKEN_FILE = "api-token";

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final List<byte[]> digests;

    private ApiTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no API token is configured");
        }
        this.digests = tokens.stream().map(ApiTokens::digest).toList();
    }

    /** Tokens from configuration, or in embedded mode the generated one. */
    public static ApiTokens from(StudioProperties properties) {
        if (!properties.api().tokens().isEmpty()) {
            return new ApiTokens(properties.api().tokens());
        }
        if (properties.mode() == StudioMode.DISTRIBUTED) {
            throw new IllegalStateException("studio.api.tokens must be set in distributed mode (e.g. STUDIO_API_TOKENS=...)");
        }
        return new ApiTokens(List.of(generatedToken(properties.dataDir())));
    }

    /** Whether {@code candidate} is one of the accepted tokens. */
    public boolean accepts(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        byte[] presented = digest(candidate);
        boolean match = false;
        for (byte[] accepted : digests) {
            match |= MessageDigest.isEqual(accepted, presented);
        }
        return match;
    }

    private static String generatedToken(Path dataDir) {
        Path file = dataDir.resolve(TOKEN_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalStateException("the API token file " + file + " is empty; delete it to generate a new token");
            }
            log.info("API token for /v1/** is in {} (send it as 'Authorization: Bearer <token>')", file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".api-token", ".tmp");
        try {
            restrict(temp);
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
