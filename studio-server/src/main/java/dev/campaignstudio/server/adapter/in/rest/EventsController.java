package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.event.EventEnvelope;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.in.CallbackDeliveries;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.server.adapter.in.sse.EventStreams;
import dev.campaignstudio.server.json.JsonCodec;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A job's events (as a feed and as a server-sent-event stream) and its callback deliveries. */
@RestController
@RequestMapping("/v1/jobs/{id}")
class EventsController implements DisposableBean {

    private static final int PAGE = 100;

    private final FindJobs jobs;
    private final CallbackDeliveries deliveries;
    private final EventStreams streams;

    EventsController(FindJobs jobs, CallbackDeliveries deliveries) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.streams = new EventStreams(jobs, "event-stream", 64, Duration.ofMillis(250), Duration.ofHours(1));
    }

    @Operation(
            summary = "A job's events after sequence N",
            description =
                    "Events in sequence order, at most 100 per page; " + "ask again with after=next_after for more.")
    @GetMapping("/events")
    Map<String, Object> events(
            @PathVariable("id") String id, @RequestParam(name = "after", required = false) String after) {
        Job job = job(id);
        long from = sequence("after", after);
        List<JobEvent> page = jobs.events(job.id(), from, PAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.stream()
                        .map(e -> EventEnvelope.tree(e, job.request().envelope().metadata()))
                        .toList());
        body.put("next_after", page.isEmpty() ? from : page.get(page.size() - 1).sequence());
        body.put("job_status", job.status().wire());
        return body;
    }

    @Operation(
            summary = "A job's events as server-sent events",
            description = "Each event's SSE id is its sequence; reconnect "
                    + "with Last-Event-ID (or ?after=N) to resume. The stream ends after the job's last event.")
    @GetMapping(path = "/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @PathVariable("id") String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after) {
        Job job = job(id);
        long from = lastEventId != null ? sequence("Last-Event-ID", lastEventId) : sequence("after", after);
        SseEmitter emitter = streams.emitter();
        Map<String, Object> metadata = job.request().envelope().metadata();
        EventStreams.Writer writer = (stream, page) -> {
            for (JobEvent event : page) {
                stream.send(SseEmitter.event()
                        .id(Long.toString(event.sequence()))
                        .name(event.type().wire())
                        .data(JsonCodec.write(EventEnvelope.tree(event, metadata)), MediaType.APPLICATION_JSON));
            }
        };
        if (!streams.open(emitter, job.id(), from, writer)) {
            throw new ApiException(
                    503,
                    "UNAVAILABLE",
                    "Service unavailable",
                    "too many event streams are open; use GET /v1/jobs/{id}/events?after=N or try again later");
        }
        return emitter;
    }

    @Operation(summary = "A job's callback deliveries with every attempt")
    @GetMapping("/deliveries")
    Map<String, Object> deliveries(@PathVariable("id") String id) {
        Job job = job(id);
        List<DeliveryAttempt> attempts = deliveries.attempts(job.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "callback_url",
                job.request().envelope().callback() == null
                        ? null
                        : Redaction.url(job.request().envelope().callback().url()));
        body.put(
                "items",
                deliveries.deliveries(job.id()).stream()
                        .map(d -> delivery(d, attempts))
                        .toList());
        return body;
    }

    @Operation(
            summary = "Send an event's callback again",
            description = "202: the delivery is pending now, with a fresh retry horizon.")
    @PostMapping("/deliveries/{eventId}/redeliver")
    ResponseEntity<Map<String, Object>> redeliver(
            @PathVariable("id") String id, @PathVariable("eventId") String eventId) {
        Job job = job(id);
        Delivery delivery = deliveries
                .redeliver(job.id(), eventId)
                .orElseThrow(() -> ApiException.notFound(
                        "the job has no callback delivery of event '" + Redaction.text(eventId) + "'"));
        return ResponseEntity.accepted().body(delivery(delivery, List.of()));
    }

    private Job job(String id) {
        if (!JobId.isValid(id)) {
            throw ApiException.notFound("no job has the id '" + Redaction.text(id) + "'");
        }
        return jobs.job(new JobId(id), Callers.current().viewer())
                .orElseThrow(() -> ApiException.notFound("no job has the id '" + id + "'"));
    }

    private static long sequence(String name, String value) {
        if (value == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(
                400,
                "BAD_PARAMETER",
                "Bad query parameter",
                name + " must be an event sequence number (0 or more)",
                List.of(ApiProblem.Error.parameter(name, "FORMAT", "must be an integer of 0 or more")));
    }

    static Map<String, Object> delivery(Delivery delivery, List<DeliveryAttempt> attempts) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("event_id", delivery.eventId());
        tree.put("sequence", delivery.sequence());
        tree.put("status", delivery.status().wire());
        tree.put("attempts", delivery.attempts());
        tree.put(
                "next_attempt_at",
                delivery.nextAttemptAt() == null
                        ? null
                        : delivery.nextAttemptAt().toString());
        tree.put(
                "give_up_at",
                delivery.giveUpAt() == null ? null : delivery.giveUpAt().toString());
        tree.put("last_status_code", delivery.lastStatusCode());
        tree.put("last_error", delivery.lastError());
        tree.put(
                "delivered_at",
                delivery.deliveredAt() == null ? null : delivery.deliveredAt().toString());
        tree.put(
                "attempt_log",
                attempts.stream()
                        .filter(a -> a.deliveryId().equals(delivery.id()))
                        .map(a -> {
                            Map<String, Object> attempt = new LinkedHashMap<>();
                            attempt.put("at", a.at().toString());
                            attempt.put("status_code", a.statusCode());
                            attempt.put("latency_ms", a.latencyMs());
                            attempt.put("error", a.error());
                            attempt.put("outcome", a.outcome());
                            return attempt;
                        })
                        .toList());
        return tree;
    }

    @Override
    public void destroy() {
        streams.close();
    }
}
