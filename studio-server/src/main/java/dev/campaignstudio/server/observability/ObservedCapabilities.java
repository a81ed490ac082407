package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.ProviderCalls;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Observes every call of a capability port as {@code studio.capability} (a timer tagged {@code capability},
 * {@code adapter} and {@code outcome}, and a child span of the step), records fidelity scores
 * ({@code studio.fidelity.score}) and every remote provider call ({@code studio.provider.calls}, tagged
 * {@code provider}, {@code operation} and {@code outcome}). See docs/operations.md, "Metrics".
 */
public final class ObservedCapabilities implements CapabilityRegistry.PortDecorator {

    /** Name of the capability observation, timer and span. */
    public static final String CAPABILITY = "studio.capability";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    public ObservedCapabilities(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
        ProviderCalls.listen(this::providerCall);
    }

    @Override
    public <T> T decorate(Capability capability, String adapter, Class<T> type, T port) {
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (self, method, args) -> call(capability, adapter, port, method, args));
        return type.cast(proxy);
    }

    private Object call(Capability capability, String adapter, Object port, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return invoke(port, method, args);
        }
        Observation observation = Observation.createNotStarted(CAPABILITY, observations)
                .contextualName(capability.wire() + " " + adapter)
                .lowCardinalityKeyValue("capability", capability.wire())
                .lowCardinalityKeyValue("adapter", adapter)
                .lowCardinalityKeyValue("operation", method.getName());
        observation.start();
        try (Observation.Scope scope = observation.openScope()) {
            Object result = invoke(port, method, args);
            observation.lowCardinalityKeyValue("outcome", "ok");
            if (result instanceof FidelityCheck.FidelityScore score) {
                FidelityCounting.count();
                DistributionSummary.builder("studio.fidelity.score")
                        .description("fidelity score of a checked image")
                        .tag("adapter", adapter)
                        .register(meters)
                        .record(score.score());
            }
            return result;
        } catch (Throwable failure) {
            observation.lowCardinalityKeyValue("outcome", failure.getClass().getSimpleName());
            observation.error(failure);
            throw failure;
        } finally {
            observation.stop();
        }
    }

    private static Object invoke(Object port, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(port, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void providerCall(ProviderCalls.Call call) {
        Timer.builder("studio.provider.calls")
                .description("remote provider calls, with their retries")
                .tag("provider", call.provider())
                .tag("operation", call.operation())
                .tag("outcome", call.outcome() == null ? "unknown" : call.outcome())
                .register(meters)
                .record(Duration.ofMillis(call.latencyMs()));
    }
}
