package dev.campaignstudio.core.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, where the
 * key is the base64-decoded part of a {@code whsec_<base64>} secret.
 */
public final class WebhookSignature {

    /** Prefix of Standard Webhooks secrets. */
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /**
     * The key bytes of a {@code whsec_<base64>} secret.
     *
     * @throws IllegalArgumentException when the secret is not in that form (the message never contains the secret)
     */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a callback secret must have the form whsec_<base64>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a callback secret must have the form whsec_<base64>");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("a callback secret must hold at least 16 bytes");
        }
        return key;
    }

    /** The {@code webhook-signature} header value for a message. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code header} (possibly several space-separated signatures) holds a valid signature of the message. */
    public static boolean verify(byte[] key, String id, long timestamp, byte[] body, String header) {
        byte[] expected = sign(key, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
