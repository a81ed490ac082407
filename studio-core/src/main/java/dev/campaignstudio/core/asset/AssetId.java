package dev.campaignstudio.core.asset;

import dev.campaignstudio.core.id.PrefixedId;
import dev.campaignstudio.core.id.Ulid;
import java.time.Clock;

/** Identifier of a stored asset: {@code ast_} followed by a ULID. */
public record AssetId(String value) {

    public static final String PREFIX = "ast";

    public AssetId {
        PrefixedId.require(PREFIX, value);
    }

    /** A new asset id stamped with the current time of {@code clock}. */
    public static AssetId next(Clock clock) {
        return new AssetId(PREFIX + "_" + Ulid.next(clock));
    }

    /** True when {@code text} is a well-formed asset id. */
    public static boolean isValid(String text) {
        return PrefixedId.matches(PREFIX, text);
    }

    @Override
    public String toString() {
        return value;
    }
}
