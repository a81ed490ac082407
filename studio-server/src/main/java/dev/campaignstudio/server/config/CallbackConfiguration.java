package dev.campaignstudio.server.config;

import dev.campaignstudio.core.application.CallbackCheck;
import dev.campaignstudio.core.application.CallbackDeliverer;
import dev.campaignstudio.core.application.CallbackDeliveriesService;
import dev.campaignstudio.core.callback.DeliveryPolicy;
import dev.campaignstudio.core.engine.EngineSettings;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.port.out.CallbackSecrets;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import dev.campaignstudio.server.callback.CallbackProperties;
import dev.campaignstudio.server.callback.CallbackWorker;
import dev.campaignstudio.server.callback.ConfiguredCallbackSecrets;
import dev.campaignstudio.server.callback.DeliverySignal;
import dev.campaignstudio.server.engine.EngineProperties;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lifecycle callbacks: secrets, the guarded HTTP client, the deliverer and, where {@code callbacks} is served, its workers. */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    DeliverySignal deliverySignal() {
        return new DeliverySignal();
    }

    @Bean
    DeliveryPolicy deliveryPolicy(CallbackProperties properties) {
        return properties.policy();
    }

    @Bean
    CallbackSecrets callbackSecrets(CallbackProperties properties, StudioProperties studio) {
        return ConfiguredCallbackSecrets.from(
                properties.secrets(), studio.mode() == StudioMode.EMBEDDED ? studio.dataDir() : null);
    }

    @Bean(destroyMethod = "close")
    GuardedHttpClient guardedHttpClient(OutboundProperties outbound, CallbackProperties callbacks) {
        return new GuardedHttpClient(outbound.rules(), callbacks.connectTimeout(), callbacks.timeout());
    }

    @Bean
    CallbackCheck callbackCheck(CallbackSecrets secrets, GuardedHttpClient guard) {
        return new CallbackCheck(secrets, guard);
    }

    @Bean
    CallbackDeliverer callbackDeliverer(
            DeliveryStore store,
            GuardedHttpClient sender,
            CallbackSecrets secrets,
            DeliveryPolicy policy,
            Clock clock,
            EngineSettings engine) {
        return new CallbackDeliverer(
                store,
                sender,
                secrets,
                policy,
                clock,
                () -> ThreadLocalRandom.current().nextDouble(),
                engine.workerId());
    }

    @Bean
    CallbackDeliveriesService callbackDeliveries(
            DeliveryStore store, DeliveryPolicy policy, Clock clock, DeliverySignal signal) {
        return new CallbackDeliveriesService(store, policy, clock, signal::nudge);
    }

    @Bean
    @ConditionalOnServedQueue(WorkQueue.CALLBACKS)
    CallbackWorker callbackWorker(CallbackDeliverer deliverer, DeliverySignal signal, EngineProperties engine) {
        return new CallbackWorker(deliverer, signal, engine.concurrency(WorkQueue.CALLBACKS), engine.relayInterval());
    }
}
