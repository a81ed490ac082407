package dev.campaignstudio.server.adapter.in.amqp;

import com.rabbitmq.client.Channel;
import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.job.StepId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Receives step dispatches. A message is acknowledged when its step has run (or its claim was refused: a duplicate, a
 * late message, a cancelled job), so with a prefetch of one a busy consumer holds no other message. If the worker dies
 * mid-step the broker redelivers the message; the redelivery finds the step claimed and is dropped, and the maintenance
 * sweep retries the step once its lease lapses. A message that is not a step id is rejected to the dead-letter queue;
 * one that cannot be claimed now (database down) is requeued after a pause, and dead-lettered once the queue's delivery
 * limit is reached.
 */
public final class StepMessageListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(StepMessageListener.class);

    private final StepRunner runner;

    public StepMessageListener(StepRunner runner) {
        this.runner = runner;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        String body = new String(message.getBody(), StandardCharsets.US_ASCII).trim();
        if (!StepId.isValid(body)) {
            log.warn(
                    "rejecting a message that is not a step id to the dead-letter queue ({} bytes)",
                    message.getBody().length);
            channel.basicReject(tag, false);
            return;
        }
        AtomicBoolean claimDecided = new AtomicBoolean();
        try {
            runner.run(new StepId(body), () -> claimDecided.set(true));
        } catch (RuntimeException e) {
            if (!claimDecided.get()) {
                log.warn("step {} could not be claimed now ({}); requeueing its message", body, e.toString());
                Thread.sleep(1_000);
                channel.basicNack(tag, false, true);
                return;
            }
            log.warn(
                    "step {} ran but its result could not be recorded ({}); its lease will lapse and it will be retried",
                    body,
                    e.toString());
        }
        channel.basicAck(tag, false);
    }
}
