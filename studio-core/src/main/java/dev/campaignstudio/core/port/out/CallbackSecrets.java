package dev.campaignstudio.core.port.out;

import java.util.Optional;

/** The configured callback signing secrets, by reference ({@code studio.callbacks.secrets.<ref>}). */
public interface CallbackSecrets {

    /** The HMAC key of the secret named {@code ref}, if one is configured. */
    Optional<byte[]> key(String ref);
}
