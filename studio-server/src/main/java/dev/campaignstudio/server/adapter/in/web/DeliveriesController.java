package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.port.in.CallbackDeliveries;
import dev.campaignstudio.core.port.in.FindJobs;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A job's callback deliveries with every attempt, and sending one again (docs/callbacks.md). */
@Controller
class DeliveriesController {

    private final FindJobs jobs;
    private final CallbackDeliveries deliveries;

    DeliveriesController(FindJobs jobs, CallbackDeliveries deliveries) {
        this.jobs = jobs;
        this.deliveries = deliveries;
    }

    /**
     * One delivery as listed.
     *
     * @param eventId     the event (and {@code webhook-id})
     * @param sequence    its sequence
     * @param status      pending, delivered, failed...
     * @param attempts    attempts so far
     * @param nextAttempt when the next attempt is due, or empty text
     * @param lastError   what went wrong last, or {@code null}
     * @param lastStatus  the receiver's last HTTP status, or {@code null}
     * @param log         each attempt: when, status code, latency, outcome, error
     */
    public record DeliveryRow(
            String eventId,
            long sequence,
            String status,
            int attempts,
            String nextAttempt,
            String lastError,
            Integer lastStatus,
            List<String> log) {}

    @GetMapping("/console/jobs/{id}/deliveries")
    String list(@PathVariable("id") String id, Model model) {
        Job job = job(id);
        List<DeliveryAttempt> attempts = deliveries.attempts(job.id());
        List<DeliveryRow> rows = new ArrayList<>();
        for (Delivery d : deliveries.deliveries(job.id())) {
            List<String> log = attempts.stream()
                    .filter(a -> a.deliveryId().equals(d.id()))
                    .map(a -> Durations.at(a.at()) + " · "
                            + (a.statusCode() == null ? "no answer" : "HTTP " + a.statusCode()) + " · " + a.latencyMs()
                            + " ms · " + a.outcome() + (a.error() == null ? "" : " · " + a.error()))
                    .toList();
            rows.add(new DeliveryRow(
                    d.eventId(),
                    d.sequence(),
                    d.status().wire(),
                    d.attempts(),
                    Durations.at(d.nextAttemptAt()),
                    d.lastError(),
                    d.lastStatusCode(),
                    log));
        }
        model.addAttribute("jobId", job.id().value());
        model.addAttribute(
                "callbackUrl",
                job.request().envelope().callback() == null
                        ? null
                        : JobViews.withoutQuery(
                                job.request().envelope().callback().url()));
        model.addAttribute("deliveries", rows);
        return "console/deliveries";
    }

    @PostMapping("/console/jobs/{id}/deliveries/{eventId}/redeliver")
    String redeliver(@PathVariable("id") String id, @PathVariable("eventId") String eventId, RedirectAttributes flash) {
        Job job = job(id);
        flash.addFlashAttribute(
                "notice",
                deliveries.redeliver(job.id(), eventId).isPresent()
                        ? "The event is queued to be sent again now."
                        : "The job has no delivery of that event.");
        return "redirect:/console/jobs/" + id + "/deliveries";
    }

    private Job job(String id) {
        if (!JobId.isValid(id)) {
            throw new NotFound("there is no job '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'");
        }
        return jobs.job(new JobId(id)).orElseThrow(() -> new NotFound("there is no job '" + id + "'"));
    }
}
