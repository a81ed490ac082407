package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.engine.StepContext;

/** Seeds for deterministic adapters, derived from stable facts so that the same product gets the same creative. */
public final class Seeds {

    private Seeds() {}

    /** A seed from {@code key}: the first 60 bits of its SHA-256. */
    public static long of(String key) {
        return Long.parseUnsignedLong(Sha256.hex(key).substring(0, 15), 16);
    }

    /** The seed of one scene of one stage of a job: the same on every attempt, different for every job. */
    public static long of(StepContext context) {
        return of(context.job().id().value() + ":" + context.stage() + ":"
                + (context.sceneOrder() == null ? 0 : context.sceneOrder()));
    }
}
