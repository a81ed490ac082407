package dev.campaignstudio.core.capability;

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
}
