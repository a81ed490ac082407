package dev.campaignstudio.core.application;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryPolicy;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.callback.SendResult;
import dev.campaignstudio.core.callback.WebhookSignature;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.event.EventEnvelope;
import dev.campaignstudio.core.port.out.CallbackSecrets;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.core.port.out.WebhookSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delivers events to callback URLs, signed as Standard Webhooks, in sequence order per job: a 2xx delivers, a 410
 * stops the job's callbacks, a refused URL stops them too, and anything else is retried with backoff until the
 * horizon. Every attempt is recorded.
 */
public final class CallbackDeliverer {

    /** {@code User-Agent} of callback requests. */
    public static final String USER_AGENT = "CampaignStudio-Webhooks/1";

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final CallbackSecrets secrets;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;
    private final String owner;

    public CallbackDeliverer(
            DeliveryStore store,
            WebhookSender sender,
            CallbackSecrets secrets,
            DeliveryPolicy policy,
            Clock clock,
            DoubleSupplier random,
            String owner) {
        this.store = store;
        this.sender = sender;
        this.secrets = secrets;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.owner = owner;
    }

    /** Sends every delivery that is due and first in line, up to {@code limit}; returns how many were attempted. */
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<DeliveryStore.Due> due = store.claimDue(now, limit, owner, now.plus(policy.lease()));
        due.forEach(this::deliver);
        return due.size();
    }

    /** The body of an event's callback: its envelope as compact JSON with sorted keys, the same bytes at every attempt. */
    public static byte[] body(DeliveryStore.Due due) {
        return CanonicalJson.write(EventEnvelope.tree(due.event(), due.metadata()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private void deliver(DeliveryStore.Due due) {
        Delivery delivery = due.delivery();
        Optional<byte[]> key = secrets.key(delivery.secretRef());
        Instant started = clock.instant();
        SendResult result;
        if (key.isEmpty()) {
            result = new SendResult.Unreachable(
                    "no callback secret is configured under '" + delivery.secretRef() + "'", 0);
        } else {
            byte[] body = body(due);
            long timestamp = started.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.eventId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSignature.sign(key.get(), delivery.eventId(), timestamp, body));
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", USER_AGENT);
            result = sender.post(URI.create(delivery.url()), headers, body);
        }
        record(delivery, result, started);
    }

    private void record(Delivery delivery, SendResult result, Instant at) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (result instanceof SendResult.Answered answered && answered.status() >= 200 && answered.status() < 300) {
            store.record(
                    delivery,
                    attempt(delivery, at, answered.status(), answered.latencyMs(), null, "delivered"),
                    DeliveryStatus.DELIVERED,
                    null,
                    now);
        } else if (result instanceof SendResult.Answered gone && gone.status() == 410) {
            store.record(
                    delivery,
                    attempt(delivery, at, 410, gone.latencyMs(), "the receiver answered 410 Gone", "stopped"),
                    DeliveryStatus.STOPPED,
                    null,
                    now);
            store.stopPending(delivery.jobId(), "the receiver answered 410 Gone for an earlier event", now);
        } else if (result instanceof SendResult.Refused refused) {
            store.record(
                    delivery,
                    attempt(delivery, at, null, 0, refused.reason(), "stopped"),
                    DeliveryStatus.STOPPED,
                    null,
                    now);
            store.stopPending(delivery.jobId(), refused.reason(), now);
        } else {
            Integer status = result instanceof SendResult.Answered other ? other.status() : null;
            long latency = result instanceof SendResult.Answered other
                    ? other.latencyMs()
                    : ((SendResult.Unreachable) result).latencyMs();
            String error =
                    status != null ? "the receiver answered " + status : ((SendResult.Unreachable) result).error();
            Instant next = now.plus(policy.backoff(attempts, random));
            boolean giveUp = delivery.giveUpAt() != null && next.isAfter(delivery.giveUpAt());
            store.record(
                    delivery,
                    attempt(delivery, at, status, latency, error, giveUp ? "failed" : "retry"),
                    giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                    giveUp ? null : next,
                    now);
        }
    }

    private static DeliveryAttempt attempt(
            Delivery delivery, Instant at, Integer status, long latency, String error, String outcome) {
        return new DeliveryAttempt(delivery.id(), delivery.eventId(), at, status, latency, error, outcome);
    }
}
