package dev.campaignstudio.server.config;

import dev.campaignstudio.core.job.Job;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens accepted on {@code /v1/**} and the caller each stands for. Compared in constant time; never logged.
 * Tokens of {@code studio.api.tokens} stand for the default caller {@link #CALLER} with every scope; named callers
 * ({@code studio.clients.<name>}) have their own scopes, callback prefixes and rate (docs/operations.md, "Callers and
 * scopes"). In embedded mode with neither configured, one token is generated once into {@code <data-dir>/api-token}
 * (owner read/write only) and its path is logged.
 */
public final class ApiTokens {

    /** File name of the generated token inside the data directory. */
    public static final String TOKEN_FILE = "api-token";

    /** The name of the caller a configured token authenticates. */
    public static final String CALLER = Job.DEFAULT_OWNER;

    private record Entry(byte[] digest, ApiCaller caller) {}

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("no API token is configured");
        }
        this.entries = List.copyOf(entries);
    }

    /** Tokens from configuration, or in embedded mode the generated one. */
    public static ApiTokens from(StudioProperties properties) {
        return from(properties, new ClientProperties(Map.of(), null));
    }

    /** Tokens of the default caller and of the named callers, or in embedded mode with none the generated one. */
    public static ApiTokens from(StudioProperties properties, ClientProperties clients) {
        List<Entry> entries = new ArrayList<>();
        clients.clients().forEach((name, client) -> entries.add(named(name, client, clients.limits())));
        List<String> tokens = properties.api().tokens();
        if (tokens.isEmpty() && entries.isEmpty()) {
            if (properties.mode() == StudioMode.DISTRIBUTED) {
                throw new IllegalStateException(
                        "studio.api.tokens or studio.clients.<name> must be set in distributed mode"
                                + " (e.g. STUDIO_API_TOKENS=...)");
            }
            tokens = List.of(generatedToken(properties.dataDir()));
        }
        ApiCaller standard = new ApiCaller(
                CALLER, EnumSet.allOf(ApiScope.class), null, clients.limits().requestsPerMinute());
        tokens.forEach(token -> entries.add(new Entry(digest(token), standard)));
        return new ApiTokens(entries);
    }

    private static Entry named(String name, ClientProperties.Client client, ClientProperties.Limits limits) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scope : client.scopes()) {
            scopes.add(ApiScope.of(scope)
                    .orElseThrow(() -> new IllegalStateException("studio.clients." + name + ".scopes: unknown scope '"
                            + scope + "' (jobs:write, jobs:read, assets:read, admin)")));
        }
        long rate = client.requestsPerMinute() > 0 ? client.requestsPerMinute() : limits.requestsPerMinute();
        ApiCaller caller = new ApiCaller(name, scopes, client.callbackPrefixes(), rate);
        if (client.token() != null && !client.token().isBlank()) {
            return new Entry(digest(client.token().trim()), caller);
        }
        String hex =
                client.tokenSha256() == null ? "" : client.tokenSha256().trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("studio.clients." + name + ".token-sha256 must be the 64 hex digits of the"
                    + " SHA-256 of its token (or give the token as STUDIO_CLIENTS_" + name.toUpperCase(Locale.ROOT)
                    + "_TOKEN)");
        }
        return new Entry(HexFormat.of().parseHex(hex), caller);
    }

    /** Whether {@code candidate} is one of the accepted tokens. */
    public boolean accepts(String candidate) {
        return caller(candidate).isPresent();
    }

    /** The caller {@code candidate} stands for, if it is an accepted token. Every token is compared, in constant time. */
    public Optional<ApiCaller> caller(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(candidate);
        ApiCaller match = null;
        for (Entry accepted : entries) {
            if (MessageDigest.isEqual(accepted.digest(), presented)) {
                match = accepted.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private static String generatedToken(Path dataDir) {
        return LocalSecretFile.readOrCreate(
                dataDir.resolve(TOKEN_FILE),
                ApiTokens::generate,
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
