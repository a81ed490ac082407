package dev.campaignstudio.core.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields every job request carries.
 *
 * @param contractVersion always {@link Limits#CONTRACT_VERSION}
 * @param idempotencyKey  client-chosen key; the same key with the same payload returns the same job
 * @param callback        where events are POSTed, or {@code null}
 * @param metadata        small map of scalars echoed in events, possibly empty
 */
public record RequestEnvelope(
        int contractVersion, String idempotencyKey, Callback callback, Map<String, Object> metadata) {

    public RequestEnvelope {
        if (contractVersion != Limits.CONTRACT_VERSION) {
            throw new IllegalArgumentException("contract_version must be " + Limits.CONTRACT_VERSION);
        }
        Require.text(idempotencyKey, "idempotency_key", Limits.IDEMPOTENCY_KEY_MAX);
        if (!idempotencyKey.matches(Limits.KEY_PATTERN)) {
            throw new IllegalArgumentException("idempotency_key must be printable ASCII without spaces");
        }
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (metadata.size() > Limits.METADATA_KEYS_MAX) {
            throw new IllegalArgumentException("metadata has more than " + Limits.METADATA_KEYS_MAX + " keys");
        }
    }

    /** An envelope of the current contract version with no callback and no metadata. */
    public static RequestEnvelope of(String idempotencyKey) {
        return new RequestEnvelope(Limits.CONTRACT_VERSION, idempotencyKey, null, Map.of());
    }
}
