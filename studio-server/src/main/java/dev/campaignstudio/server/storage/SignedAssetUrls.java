package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.DownloadLink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download links served by this service: {@code <public-base-url>/v1/assets/<id>?expires=<epoch seconds>&sig=<base64url
 * HMAC-SHA256 of "<id>\n<expires>">}. Whoever holds one may GET that asset until it expires, without a token; changing
 * the id or the time breaks the signature. Verification compares in constant time. With filesystem storage these are
 * the outputs' download links ({@link dev.campaignstudio.core.port.out.DownloadLinks}).
 */
public final class SignedAssetUrls {

    /** The query parameter carrying the expiry, in epoch seconds. */
    public static final String EXPIRES = "expires";

    /** The query parameter carrying the signature. */
    public static final String SIGNATURE = "sig";

    private final SecretKeySpec key;
    private final Supplier<Optional<URI>> baseUrl;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param secret  the signing secret; every process that signs or verifies links shares it
     * @param baseUrl the service's public URL (scheme, host, port), or empty when this process does not know it (then
     *                it makes no links, and verifies only)
     * @param ttl     how long a link works
     */
    public SignedAssetUrls(String secret, Supplier<Optional<URI>> baseUrl, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the download link signing secret needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = baseUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A link to {@code asset} valid for the configured time; empty when this process does not know its public URL. */
    public Optional<DownloadLink> link(Asset asset) {
        Optional<URI> base = baseUrl.get();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(ttl).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = asset.id().value();
        String root = base.get().toString().replaceAll("/+$", "");
        URI url = URI.create(root + "/v1/assets/" + id + "?" + EXPIRES + "=" + expires.getEpochSecond() + "&"
                + SIGNATURE + "=" + sign(id, expires.getEpochSecond()));
        return Optional.of(new DownloadLink(url, expires));
    }

    /**
     * Judges the {@code expires} and {@code sig} parameters of a request for asset {@code assetId}.
     *
     * @return {@link Verdict#VALID} only for an untampered link whose time has not passed
     */
    public Verdict verify(String assetId, String expires, String signature) {
        if (assetId == null
                || !AssetId.isValid(assetId)
                || expires == null
                || signature == null
                || !expires.matches("[0-9]{1,12}")) {
            return Verdict.INVALID;
        }
        long epochSeconds = Long.parseLong(expires);
        byte[] expected = sign(assetId, epochSeconds).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return clock.instant().isBefore(Instant.ofEpochSecond(epochSeconds)) ? Verdict.VALID : Verdict.EXPIRED;
    }

    private String sign(String assetId, long expiresEpochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((assetId + "\n" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** What a presented link is worth. */
    public enum Verdict {
        /** Signed by this deployment and not yet expired. */
        VALID,
        /** Signed by this deployment, but its time has passed. */
        EXPIRED,
        /** Not signed by this deployment: tampered, forged or malformed. */
        INVALID
    }
}
