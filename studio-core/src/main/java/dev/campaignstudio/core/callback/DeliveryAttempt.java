package dev.campaignstudio.core.callback;

import java.time.Instant;

/**
 * One attempt to deliver an event.
 *
 * @param deliveryId the delivery
 * @param eventId    the event
 * @param at         when it was made
 * @param statusCode the receiver's HTTP status, or {@code null} when none came back
 * @param latencyMs  request duration
 * @param error      what went wrong, or {@code null}
 * @param outcome    {@code delivered}, {@code retry}, {@code failed} or {@code stopped}
 */
public record DeliveryAttempt(
        String deliveryId,
        String eventId,
        Instant at,
        Integer statusCode,
        long latencyMs,
        String error,
        String outcome) {}
