package dev.campaignstudio.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL and RabbitMQ server processes of this machine, so a bench can
 * say where the CPU of a run went (docs/engine.md "Where the time goes"). The servers' times are read from
 * {@code /proc} (every process named {@code postgres}, or {@code beam.smp} for RabbitMQ, with the time of children
 * they have waited for), so they count whatever else those servers did meanwhile; {@code null} where they cannot be
 * read (another system, the server on another machine).
 *
 * @param jvm      this JVM's user and system time
 * @param postgres PostgreSQL's, or {@code null}
 * @param rabbitmq RabbitMQ's, or {@code null}
 */
public record ProcessCpu(Duration jvm, Duration postgres, Duration rabbitmq) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times: USER_HZ, 100 on Linux whatever the kernel's HZ. */
    private static final int TICKS_PER_SECOND = 100;

    /** The times used so far. */
    public static ProcessCpu now() {
        return new ProcessCpu(jvmTime(), serverTime("postgres"), serverTime("beam.smp"));
    }

    /** The times used since {@code earlier}; {@code null} where either is unknown. */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(
                jvm.minus(earlier.jvm), minus(postgres, earlier.postgres), minus(rabbitmq, earlier.rabbitmq));
    }

    private static Duration minus(Duration later, Duration earlier) {
        return later == null || earlier == null ? null : later.minus(earlier);
    }

    private static Duration jvmTime() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(os.getProcessCpuTime());
        }
        return Duration.ZERO;
    }

    /** The summed times of every process whose name is {@code name}, or {@code null} when there is none. */
    static Duration serverTime(String name) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return null;
        }
        long ticks = 0;
        boolean found = false;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    if (name.equals(command(stat))) {
                        ticks += ticks(stat);
                        found = true;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read, or is not readable: not counted
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found ? Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND) : null;
    }

    /** The command name of a {@code /proc/<pid>/stat} line: field 2, in parentheses, which may hold spaces. */
    static String command(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** Fields 14 to 17 of a {@code /proc/<pid>/stat} line summed: utime, stime, cutime and cstime, in ticks. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }
}
