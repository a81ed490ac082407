package dev.campaignstudio.server.adapter.out.rabbitmq;

import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.server.engine.Dispatch;
import dev.campaignstudio.server.engine.EngineProperties;
import dev.campaignstudio.server.engine.WorkTransport;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes dispatches to the durable quorum queues and waits for the broker's confirms; a batch the broker has not
 * confirmed counts as not sent, so its requests stay in the database.
 */
public final class RabbitWorkPublisher implements WorkTransport {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate template;
    private final EngineProperties properties;

    public RabbitWorkPublisher(RabbitTemplate template, EngineProperties properties) {
        this.template = template;
        this.properties = properties;
    }

    @Override
    public Set<WorkQueue> carries() {
        return EnumSet.of(WorkQueue.MARKETING, WorkQueue.AVATAR, WorkQueue.RETRY);
    }

    @Override
    public void publish(List<Dispatch> dispatches) {
        template.invoke(operations -> {
            for (Dispatch dispatch : dispatches) {
                operations.send(
                        "",
                        properties.brokerQueue(dispatch.queue()),
                        MessageBuilder.withBody(dispatch.stepId().value().getBytes(StandardCharsets.US_ASCII))
                                .setContentType("text/plain")
                                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                                .setMessageId(dispatch.stepId().value())
                                .build());
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }
}
