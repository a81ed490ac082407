package dev.campaignstudio.server.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The bearer tokens accepted on {@code /v1/**}. Compared in constant time; never logged. In embedded mode with none
 * configured, one is generated once into {@code <data-dir>/api-token} (owner read/write only) and its path is logged.
 */
public final class ApiTokens {

    /** File name of the generated token inside the data directory. */
    public static final String TOKEN_FILE = "api-token";

    /** The name of the caller a configured token authenticates. */
    public static final String CALLER = "api";

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
        return LocalSecretFile.readOrCreate(dataDir.resolve(TOKEN_FILE), ApiTokens::generate,
                "API token for /v1/** (send it as 'Authorization: Bearer <token>')");
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
