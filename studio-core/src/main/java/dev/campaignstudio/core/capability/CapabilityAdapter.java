package dev.campaignstudio.core.capability;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** An adapter that serves capabilities by implementing their ports; configuration binds capabilities to it by name. */
public interface CapabilityAdapter {

    /** The name configuration uses, e.g. {@code local} or {@code openai}. */
    String name();

    /**
     * The adapter's version, part of the fingerprint of every product checkpoint it made: a new version (a changed
     * algorithm, model or prompt) invalidates what the old one made.
     */
    default String version() {
        return "1";
    }

    /** What it serves; it implements the port of each. */
    Set<Capability> capabilities();

    /**
     * The longest one call of {@code capability} may take with this adapter, its own retries and polls included, when
     * the adapter bounds it itself (a remote prediction's deadline, say); empty when it does not. A stage that calls
     * the
     * capability is given at least this long (docs/providers.md, "Stage time limits").
     */
    default Optional<Duration> deadline(Capability capability) {
        return Optional.empty();
    }
}
