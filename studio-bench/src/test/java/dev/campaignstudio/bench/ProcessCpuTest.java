package dev.campaignstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    /**
     * A stat line laid out as proc(5) documents it: pid, (comm), state, ppid, pgrp, session, tty_nr, tpgid, flags,
     * minflt, cminflt, majflt, cmajflt, utime (14), stime (15), cutime (16), cstime (17), priority, ...; the command
     * name holds a space and a parenthesis, as a process may name itself.
     */
    @Test
    void aStatLinesCommandAndTimesAreReadByTheirFieldNumbers() {
        String stat = "4242 (odd (name) x) S 1 4242 4242 0 -1 4194560 900 0 3 0 1500 250 40 10 20 0 12 0 355 0 0";
        assertThat(ProcessCpu.command(stat)).isEqualTo("odd (name) x");
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1500 + 250 + 40 + 10);
    }

    /** The process's time includes this thread's: work until the thread itself has used 50 ms of CPU. */
    @Test
    void thisJvmsTimeGrowsByAtLeastTheCpuThisThreadUsedBetweenTwoReadings() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessCpu before = ProcessCpu.now();
        long threadBefore = threads.getCurrentThreadCpuTime();
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() - threadBefore
                < Duration.ofMillis(50).toNanos()) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        Duration thread = Duration.ofNanos(threads.getCurrentThreadCpuTime() - threadBefore);
        ProcessCpu used = ProcessCpu.now().since(before);
        assertThat(sum).isNotNegative();
        assertThat(used.jvm()).isGreaterThanOrEqualTo(thread);
    }

    @Test
    void aServerThatIsNotRunningHereHasNoTime() {
        assertThat(ProcessCpu.serverTime("no-such-process-name")).isNull();
    }
}
