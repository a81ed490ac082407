package dev.campaignstudio.server.callback;

import dev.campaignstudio.core.callback.WebhookSignature;
import dev.campaignstudio.core.port.out.CallbackSecrets;
import dev.campaignstudio.server.config.LocalSecretFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing secrets from {@code studio.callbacks.secrets.<ref>}, checked at start (a malformed one stops the service, named
 * by its reference, never shown). In embedded mode without a {@code default}, one is generated into
 * {@code <data-dir>/callback-secret}, readable by its owner only.
 */
public final class ConfiguredCallbackSecrets implements CallbackSecrets {

    /** File of the generated default secret inside the data directory. */
    public static final String SECRET_FILE = "callback-secret";

    private final Map<String, byte[]> keys;

    private ConfiguredCallbackSecrets(Map<String, byte[]> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * The configured secrets; with {@code dataDir} given and no default configured, a generated default.
     *
     * @param dataDir where to keep a generated default secret, or {@code null} for none (distributed mode)
     */
    public static ConfiguredCallbackSecrets from(Map<String, String> configured, Path dataDir) {
        Map<String, byte[]> keys = new HashMap<>();
        configured.forEach((ref, secret) -> {
            try {
                keys.put(ref, WebhookSignature.key(secret));
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException(
                        "studio.callbacks.secrets." + ref + " is invalid: " + malformed.getMessage());
            }
        });
        if (!keys.containsKey("default") && dataDir != null) {
            String secret = LocalSecretFile.readOrCreate(
                    dataDir.resolve(SECRET_FILE),
                    ConfiguredCallbackSecrets::generate,
                    "default callback signing secret");
            keys.put("default", WebhookSignature.key(secret));
        }
        return new ConfiguredCallbackSecrets(keys);
    }

    @Override
    public Optional<byte[]> key(String ref) {
        return Optional.ofNullable(keys.get(ref)).map(byte[]::clone);
    }

    private static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
