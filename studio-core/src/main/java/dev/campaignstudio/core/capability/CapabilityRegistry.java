package dev.campaignstudio.core.capability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which adapter serves each capability, bound once from configuration ({@code studio.capabilities.<capability>=name}).
 * Binding refuses a name that no adapter has, or an adapter that does not serve the capability, so a misconfigured
 * service does not start.
 */
public final class CapabilityRegistry {

    /** Wraps each port the registry hands out, e.g. to time its calls; knows the capability and the adapter's name. */
    public interface PortDecorator {

        /** {@code port}, or a wrapper of it that implements {@code type}. */
        <T> T decorate(Capability capability, String adapter, Class<T> type, T port);
    }

    private final Map<Capability, CapabilityAdapter> bound;
    private final PortDecorator decorator;

    private CapabilityRegistry(Map<Capability, CapabilityAdapter> bound, PortDecorator decorator) {
        this.bound = bound;
        this.decorator = decorator;
    }

    /** This registry, handing out each port as {@code portDecorator} wraps it. */
    public CapabilityRegistry decorated(PortDecorator portDecorator) {
        return new CapabilityRegistry(bound, portDecorator);
    }

    /**
     * Binds capabilities to adapters.
     *
     * @param bindings adapter name per capability; capabilities not listed stay unbound
     * @param adapters every adapter available
     * @throws IllegalStateException naming every binding that cannot be made
     */
    public static CapabilityRegistry bind(
            Map<Capability, String> bindings, List<? extends CapabilityAdapter> adapters) {
        Map<Capability, CapabilityAdapter> bound = new EnumMap<>(Capability.class);
        List<String> problems = new ArrayList<>();
        bindings.forEach((capability, name) -> {
            Optional<? extends CapabilityAdapter> adapter =
                    adapters.stream().filter(a -> a.name().equals(name)).findFirst();
            if (adapter.isEmpty()) {
                problems.add("studio.capabilities." + capability.wire() + "=" + name + ": no adapter is called '" + name
                        + "' (available: "
                        + String.join(
                                ", ",
                                adapters.stream()
                                        .map(CapabilityAdapter::name)
                                        .distinct()
                                        .toList()) + ")");
            } else if (!adapter.get().capabilities().contains(capability)
                    || !capability.port().isInstance(adapter.get())) {
                problems.add("studio.capabilities." + capability.wire() + "=" + name + ": adapter '" + name
                        + "' does not serve " + capability.wire());
            } else {
                bound.put(capability, adapter.get());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return new CapabilityRegistry(bound, null);
    }

    /** The port serving {@code capability}, if one is bound. */
    public <T> Optional<T> port(Capability capability, Class<T> type) {
        if (!capability.port().equals(type)) {
            throw new IllegalArgumentException(capability.wire() + " is served through "
                    + capability.port().getSimpleName());
        }
        Optional<T> port = Optional.ofNullable(bound.get(capability)).map(type::cast);
        if (decorator == null) {
            return port;
        }
        return port.map(
                p -> decorator.decorate(capability, bound.get(capability).name(), type, p));
    }

    /** The name of the adapter serving {@code capability}, if one is bound. */
    public Optional<String> adapterName(Capability capability) {
        return Optional.ofNullable(bound.get(capability)).map(CapabilityAdapter::name);
    }

    /** The deadline the adapter serving {@code capability} sets one call of it, if it is bound and sets one. */
    public Optional<java.time.Duration> deadline(Capability capability) {
        return Optional.ofNullable(bound.get(capability)).flatMap(a -> a.deadline(capability));
    }

    /**
     * The name and version of the adapter serving {@code capability}, e.g. {@code local/media-1}: what product
     * checkpoints record as the maker of their outputs, so that another adapter or version makes them anew.
     */
    public Optional<String> maker(Capability capability) {
        return Optional.ofNullable(bound.get(capability)).map(a -> a.name() + "/" + a.version());
    }
}
