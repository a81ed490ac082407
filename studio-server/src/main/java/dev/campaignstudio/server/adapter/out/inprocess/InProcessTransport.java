package dev.campaignstudio.server.adapter.out.inprocess;

import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.server.engine.Dispatch;
import dev.campaignstudio.server.engine.EngineProperties;
import dev.campaignstudio.server.engine.WorkTransport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Embedded mode's queues: one executor per logical queue, as many threads as the queue's configured concurrency. The
 * same names, claims and runner as with RabbitMQ; what is lost at a restart is re-dispatched by the sweep at start.
 */
public final class InProcessTransport implements WorkTransport, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessTransport.class);

    private final Map<WorkQueue, ThreadPoolExecutor> executors = new EnumMap<>(WorkQueue.class);
    private final StepRunner runner;

    public InProcessTransport(EngineProperties properties, StepRunner runner) {
        this.runner = runner;
        for (WorkQueue queue : properties.servedQueues()) {
            if (queue == WorkQueue.CALLBACKS || queue == WorkQueue.MAINTENANCE) {
                continue;
            }
            int threads = properties.concurrency(queue);
            AtomicInteger n = new AtomicInteger();
            executors.put(
                    queue,
                    new ThreadPoolExecutor(
                            threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                                Thread thread = new Thread(r, queue.wire() + "-worker-" + n.incrementAndGet());
                                thread.setDaemon(true);
                                return thread;
                            }));
        }
    }

    @Override
    public Set<WorkQueue> carries() {
        return executors.keySet();
    }

    @Override
    public void publish(List<Dispatch> dispatches) {
        for (Dispatch dispatch : dispatches) {
            ThreadPoolExecutor executor = executors.get(dispatch.queue());
            if (executor == null) {
                throw new IllegalStateException(
                        "this process does not serve the " + dispatch.queue().wire() + " queue");
            }
            try {
                executor.execute(() -> runStep(dispatch));
            } catch (RejectedExecutionException shuttingDown) {
                throw new IllegalStateException(
                        "the " + dispatch.queue().wire() + " queue is shutting down", shuttingDown);
            }
        }
    }

    private void runStep(Dispatch dispatch) {
        try {
            runner.run(dispatch.stepId(), () -> {});
        } catch (RuntimeException e) {
            log.warn(
                    "step {} could not be run now ({}); the maintenance sweep will dispatch it again",
                    dispatch.stepId(),
                    e.toString());
        }
    }

    /** Steps waiting in memory for a worker of {@code queue}. */
    public int waiting(WorkQueue queue) {
        ThreadPoolExecutor executor = executors.get(queue);
        return executor == null ? 0 : executor.getQueue().size();
    }

    /**
     * Drops the steps waiting in memory (the next start dispatches them again) and lets running ones finish; never
     * interrupts a worker, which may be inside the database (running steps were told to stop at shutdown already).
     */
    @Override
    public void destroy() throws InterruptedException {
        for (ThreadPoolExecutor executor : executors.values()) {
            executor.getQueue().clear();
            executor.shutdown();
        }
        for (ThreadPoolExecutor executor : executors.values()) {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
