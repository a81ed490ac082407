package dev.campaignstudio.server.adapter.in.sse;

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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent-event streams of a job's events, each pumped on its own thread from a bounded pool: the events after a
 * sequence, polled page by page, handed to the stream's {@link Writer}; a keep-alive comment when nothing was written
 * for a while; and the end once the job has ended and its last event was handed on. Serves the API's event stream and
 * the console's change stream (docs/callbacks.md, docs/console.md).
 */
public final class EventStreams implements AutoCloseable {

    private static final int PAGE = 100;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final FindJobs jobs;
    private final Duration poll;
    private final Duration limit;
    private final ThreadPoolExecutor pumps;

    /**
     * @param jobs       where the events are read
     * @param threadName name of the pumping threads
     * @param maxStreams streams open at once
     * @param poll       pause between reads when there was nothing new
     * @param limit      longest a stream stays open
     */
    public EventStreams(FindJobs jobs, String threadName, int maxStreams, Duration poll, Duration limit) {
        this.jobs = jobs;
        this.poll = poll;
        this.limit = limit;
        this.pumps = new ThreadPoolExecutor(0, maxStreams, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a stream sends. */
    public interface Writer {

        /** Sends a page of new events, in sequence order. */
        void events(SseEmitter emitter, List<JobEvent> page) throws IOException;

        /** Says the job has ended; {@code last} is the sequence of the last event sent or skipped. */
        default void done(SseEmitter emitter, long last) throws IOException {}
    }

    /** A new emitter for a stream, open at most the limit. */
    public SseEmitter emitter() {
        return new SseEmitter(limit.toMillis());
    }

    /**
     * Starts pumping the events of {@code job} after sequence {@code after} into {@code emitter}.
     *
     * @return false when as many streams as allowed are open already (nothing was started)
     */
    public boolean open(SseEmitter emitter, JobId job, long after, Writer writer) {
        try {
            pumps.execute(() -> pump(emitter, job, Math.max(0, after), writer));
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    private void pump(SseEmitter emitter, JobId job, long from, Writer writer) {
        long last = from;
        long lastWrite = System.nanoTime();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                List<JobEvent> page = jobs.events(job, last, PAGE);
                if (!page.isEmpty()) {
                    writer.events(emitter, page);
                    last = page.get(page.size() - 1).sequence();
                    lastWrite = System.nanoTime();
                    continue;
                }
                if (jobs.job(job).map(j -> j.status().isTerminal()).orElse(true)
                        && jobs.events(job, last, 1).isEmpty()) {
                    writer.done(emitter, last);
                    emitter.complete();
                    return;
                }
                if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(poll.toMillis());
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
    public void close() {
        pumps.shutdownNow();
    }
}
