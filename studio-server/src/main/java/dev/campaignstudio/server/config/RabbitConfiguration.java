package dev.campaignstudio.server.config;

import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.server.adapter.in.amqp.StepMessageListener;
import dev.campaignstudio.server.adapter.out.rabbitmq.RabbitWorkPublisher;
import dev.campaignstudio.server.engine.EngineProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Distributed mode's transport: one durable quorum queue per logical queue (with a delivery limit and dead-lettering),
 * publisher confirms, manual acknowledgements and a prefetch bounded by each queue's concurrency.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "studio.mode", havingValue = "distributed")
public class RabbitConfiguration {

    /** Deliveries of one message before it is dead-lettered. */
    static final int DELIVERY_LIMIT = 5;

    /**
     * The queues that carry step messages. {@code callbacks} is worked off the {@code callback_deliveries} table and
     * {@code maintenance} is a role (the sweep), so neither needs a broker queue.
     */
    static final java.util.List<WorkQueue> STEP_QUEUES =
            java.util.List.of(WorkQueue.MARKETING, WorkQueue.AVATAR, WorkQueue.RETRY);

    @Bean
    Declarables studioQueues(EngineProperties properties) {
        String deadLetter = properties.queuePrefix() + ".dead-letter";
        List<Declarable> all = new ArrayList<>();
        FanoutExchange exchange = new FanoutExchange(deadLetter, true, false);
        Queue dead = QueueBuilder.durable(deadLetter).quorum().build();
        all.add(exchange);
        all.add(dead);
        all.add(BindingBuilder.bind(dead).to(exchange));
        for (WorkQueue queue : STEP_QUEUES) {
            all.add(QueueBuilder.durable(properties.brokerQueue(queue))
                    .quorum()
                    .deliveryLimit(DELIVERY_LIMIT)
                    .deadLetterExchange(deadLetter)
                    .build());
        }
        return new Declarables(all);
    }

    @Bean
    RabbitWorkPublisher workTransport(ConnectionFactory connectionFactory, EngineProperties properties) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        return new RabbitWorkPublisher(template, properties);
    }

    @Bean
    StepListeners stepListeners(ConnectionFactory connectionFactory, EngineProperties properties, StepRunner runner) {
        List<SimpleMessageListenerContainer> containers = new ArrayList<>();
        for (WorkQueue queue : properties.servedQueues()) {
            if (!STEP_QUEUES.contains(queue)) {
                continue;
            }
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(properties.brokerQueue(queue));
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setConcurrentConsumers(properties.concurrency(queue));
            container.setPrefetchCount(1);
            container.setDefaultRequeueRejected(false);
            container.setMissingQueuesFatal(false);
            container.setRecoveryInterval(1_000);
            container.setMessageListener(new StepMessageListener(runner));
            container.afterPropertiesSet();
            containers.add(container);
        }
        return new StepListeners(containers);
    }

    /** Starts the listeners after everything else and stops them first. */
    static final class StepListeners implements SmartLifecycle {

        private final List<SimpleMessageListenerContainer> containers;

        StepListeners(List<SimpleMessageListenerContainer> containers) {
            this.containers = containers;
        }

        @Override
        public void start() {
            containers.forEach(SimpleMessageListenerContainer::start);
        }

        @Override
        public void stop() {
            containers.forEach(SimpleMessageListenerContainer::stop);
        }

        @Override
        public boolean isRunning() {
            return containers.stream().anyMatch(SimpleMessageListenerContainer::isRunning);
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 200;
        }
    }
}
