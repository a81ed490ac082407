package dev.campaignstudio.server.observability;

import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.server.engine.QueueBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and traces named after the domain ({@code studio.job}, {@code studio.step}, {@code studio.capability},
 * {@code studio.queue.*}, {@code studio.callback.*}, {@code studio.fidelity.*}): the engine's ports are wrapped
 * here, so the engine itself knows nothing of Micrometer. See docs/operations.md, "Metrics" and "Traces".
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    static BeanPostProcessor observedPorts(
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<JobTraceParents> parents) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof StageHandlers handlers) {
                    ObservedStages observed = new ObservedStages(
                            observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                            meters.getObject(),
                            parents.getObject());
                    return handlers.wrapped(observed::observe);
                }
                if (bean instanceof CapabilityRegistry registry) {
                    return registry.decorated(new ObservedCapabilities(
                            observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters.getObject()));
                }
                if (bean instanceof JobRepository jobs && !(bean instanceof MeteredJobs)) {
                    return new MeteredJobs(jobs, meters.getObject());
                }
                if (bean instanceof DeliveryStore store && !(bean instanceof MeteredDeliveries)) {
                    return new MeteredDeliveries(store, meters.getObject());
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder queueGauges(QueueBacklog backlog, Clock clock) {
        return new QueueGauges(backlog, clock);
    }

    @Bean
    JobTracing jobTracing(
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, JobTraceParents parents) {
        return new JobTracing(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP), parents);
    }
}
