package dev.campaignstudio.server.support;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An adapter called {@code counting} that serves what the adapters it wraps serve, through them, and counts every
 * capability call by capability, so tests can tell whether a stage ran its capability or reused a checkpoint.
 */
public final class CountingCapabilities implements InvocationHandler {

    /** The adapter name to bind capabilities to. */
    public static final String NAME = "counting";

    private final Map<Capability, CapabilityAdapter> delegates = new ConcurrentHashMap<>();
    private final Map<Capability, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> methods = new ConcurrentHashMap<>();
    private final List<Call> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    private CountingCapabilities(List<CapabilityAdapter> adapters) {
        for (CapabilityAdapter adapter : adapters) {
            for (Capability capability : adapter.capabilities()) {
                delegates.putIfAbsent(capability, adapter);
            }
        }
    }

    /** The counting adapter over {@code adapters} (the first to serve a capability serves it) and its counter. */
    public static Counted over(CapabilityAdapter... adapters) {
        CountingCapabilities handler = new CountingCapabilities(List.of(adapters));
        List<Class<?>> interfaces = new ArrayList<>();
        interfaces.add(CapabilityAdapter.class);
        handler.delegates.keySet().forEach(c -> interfaces.add(c.port()));
        CapabilityAdapter proxy = (CapabilityAdapter) Proxy.newProxyInstance(
                CountingCapabilities.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
        return new Counted(proxy, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "name":
                return NAME;
            case "version":
                return "counting-1";
            case "capabilities":
                return Set.copyOf(delegates.keySet());
            case "toString":
                return "counting adapter";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        if (method.isDefault() && method.getDeclaringClass() == CapabilityAdapter.class) {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
        }
        Capability capability = capabilityOf(method);
        calls.computeIfAbsent(capability, c -> new AtomicInteger()).incrementAndGet();
        methods.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
        if (recording && args != null && args.length > 0) {
            recorded.add(new Call(capability, method.getName(), args[0]));
        }
        try {
            return method.invoke(delegates.get(capability), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Capability capabilityOf(Method method) {
        for (Capability capability : delegates.keySet()) {
            if (capability.port().equals(method.getDeclaringClass())) {
                return capability;
            }
        }
        throw new IllegalStateException("no capability has " + method);
    }

    /**
     * The proxy and its counts.
     *
     * @param adapter the adapter to register
     * @param counter the counts
     */
    public record Counted(CapabilityAdapter adapter, CountingCapabilities counter) {}

    /** Calls of {@code capability} so far. */
    public int calls(Capability capability) {
        AtomicInteger count = calls.get(capability);
        return count == null ? 0 : count.get();
    }

    /** Calls of the port method {@code name} (e.g. {@code cutOut}, {@code sheet}) so far. */
    public int calls(String name) {
        AtomicInteger count = methods.get(name);
        return count == null ? 0 : count.get();
    }

    /**
     * One call's request, as {@link #record()} keeps it.
     *
     * @param capability the capability called
     * @param method     the port method
     * @param request    its first argument
     */
    public record Call(Capability capability, String method, Object request) {}

    /**
     * From now on, keeps every call's request (forgetting those kept before), for tests that check what the stages
     * asked for. Off until called, as requests carry images.
     */
    public void record() {
        recorded.clear();
        recording = true;
    }

    /** The requests of the calls since {@link #record()} whose request is a {@code type}, in call order. */
    public <T> List<T> requests(Class<T> type) {
        return recorded.stream()
                .map(Call::request)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Calls of every capability so far. */
    public Map<Capability, Integer> snapshot() {
        Map<Capability, Integer> copy = new java.util.EnumMap<>(Capability.class);
        calls.forEach((capability, count) -> copy.put(capability, count.get()));
        return copy;
    }
}
