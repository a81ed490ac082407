package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.asset.Sha256;

/** Seeds for deterministic adapters, derived from stable facts so that the same product gets the same creative. */
final class Seeds {

    private Seeds() {
    }

    /** A seed from {@code key}: the first 8 bytes of its SHA-256. */
    static long of(String key) {
        return Long.parseUnsignedLong(Sha256.hex(key).substring(0, 15), 16);
    }
}
