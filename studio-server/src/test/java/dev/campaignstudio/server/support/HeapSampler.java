package dev.campaignstudio.server.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap (used after a full collection), measured before and then every 250 ms while work runs: whatever held a
 * whole large file would be alive at some sample and show as growth.
 */
public final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private long baseline;

    private HeapSampler() {}

    /** Measures the baseline now and starts sampling. */
    public static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.baseline = sampler.live();
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, 250, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private long live() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        peak.accumulateAndGet(live(), Math::max);
        count.incrementAndGet();
    }

    /** Stops sampling, after one last sample. */
    public void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(1, TimeUnit.MINUTES);
        sample();
    }

    /** The live heap before the work. */
    public long baseline() {
        return baseline;
    }

    /** The highest live heap sampled, less the baseline. */
    public long growth() {
        return peak.get() - baseline;
    }

    /** How many samples were taken. */
    public long samples() {
        return count.get();
    }
}
