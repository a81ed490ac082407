package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.StepFault;

/** The capability ports a stage calls, as bound by configuration. */
public final class Capabilities {

    private final CapabilityRegistry registry;

    public Capabilities(CapabilityRegistry registry) {
        this.registry = registry;
    }

    /**
     * The port serving {@code capability}.
     *
     * @throws StepFault {@code CAPABILITY_UNAVAILABLE} (not retried) when configuration binds no adapter to it
     */
    public <T> T port(Capability capability, Class<T> type) throws StepFault {
        return registry.port(capability, type).orElseThrow(() -> unbound(capability));
    }

    /** Whether an adapter serves {@code capability}. */
    public boolean has(Capability capability) {
        return registry.adapterName(capability).isPresent();
    }

    /** The name of the adapter serving {@code capability}, as recorded with the step, or {@code null}. */
    public String adapter(Capability capability) {
        return registry.adapterName(capability).orElse(null);
    }

    /** Name and version of the adapter serving {@code capability}, for fingerprints, or {@code none}. */
    public String maker(Capability capability) {
        return registry.maker(capability).orElse("none");
    }

    private static StepFault unbound(Capability capability) {
        return StepFault.permanent(
                "CAPABILITY_UNAVAILABLE",
                "no adapter is bound to the " + capability.wire() + " capability (studio.capabilities."
                        + capability.wire() + ")");
    }
}
