package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.in.FindJobs;
import dev.campaignstudio.server.adapter.in.sse.EventStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells an open job page that its job changed: a server-sent {@code changed} event (its data the event's sequence) for
 * each new job event, on which the page fetches its panel again, and {@code done} once the job has ended and its last
 * event was told, on which the page closes the stream. The events themselves stay on {@code /v1/jobs/{id}/events}.
 */
@Controller
class JobStreamController implements DisposableBean {

    private final FindJobs jobs;
    private final EventStreams streams;

    JobStreamController(FindJobs jobs) {
        this.jobs = jobs;
        this.streams = new EventStreams(jobs, "console-stream", 32, Duration.ofMillis(200), Duration.ofMinutes(30));
    }

    @GetMapping(path = "/console/jobs/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            @PathVariable("id") String id, @RequestParam(name = "after", defaultValue = "0") long after) {
        if (!JobId.isValid(id) || jobs.job(new JobId(id)).isEmpty()) {
            throw new NotFound("there is no job '" + id + "'");
        }
        SseEmitter emitter = streams.emitter();
        if (!streams.open(emitter, new JobId(id), after, new Changes())) {
            // too many pages open: the page still works, it just is not live; 204 tells EventSource not to reconnect
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    /** One {@code changed} per page of new events, {@code done} at the end. */
    private static final class Changes implements EventStreams.Writer {

        @Override
        public void events(SseEmitter emitter, List<JobEvent> page) throws IOException {
            String last = Long.toString(page.get(page.size() - 1).sequence());
            emitter.send(SseEmitter.event().id(last).name("changed").data(last));
        }

        @Override
        public void done(SseEmitter emitter, long last) throws IOException {
            emitter.send(SseEmitter.event().name("done").data(Long.toString(last)));
        }
    }

    @Override
    public void destroy() {
        streams.close();
    }
}
