package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.port.in.FindJobs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    private static final int MAX_STREAMS = 32;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final FindJobs jobs;
    private final ThreadPoolExecutor streams = new ThreadPoolExecutor(0, MAX_STREAMS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread thread = new Thread(r, "console-stream");
        thread.setDaemon(true);
        return thread;
    });

    JobStreamController(FindJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping(path = "/console/jobs/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable("id") String id, @RequestParam(name = "after", defaultValue = "0") long after) {
        if (!JobId.isValid(id) || jobs.job(new JobId(id)).isEmpty()) {
            throw new NotFound("there is no job '" + id + "'");
        }
        SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
        try {
            streams.execute(() -> pump(emitter, new JobId(id), Math.max(0, after)));
        } catch (RejectedExecutionException full) {
            // too many pages open: the page still works, it just is not live; 204 tells EventSource not to reconnect
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    private void pump(SseEmitter emitter, JobId id, long from) {
        long last = from;
        long lastWrite = System.nanoTime();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                List<JobEvent> page = jobs.events(id, last, 100);
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1).sequence();
                    emitter.send(SseEmitter.event().id(Long.toString(last)).name("changed").data(Long.toString(last)));
                    lastWrite = System.nanoTime();
                    continue;
                }
                if (jobs.job(id).map(j -> j.status().isTerminal()).orElse(true) && jobs.events(id, last, 1).isEmpty()) {
                    emitter.send(SseEmitter.event().name("done").data(Long.toString(last)));
                    emitter.complete();
                    return;
                }
                if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
            emitter.complete();
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
