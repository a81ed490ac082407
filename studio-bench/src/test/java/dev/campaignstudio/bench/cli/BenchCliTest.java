package dev.campaignstudio.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmarks' command line without running a benchmark: help for each, one-line refusals of bad input. */
class BenchCliTest {

    /** What a run printed and answered. */
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyBenchmarkHasHelp() {
        Run bench = run("--help");
        assertThat(bench.exit()).isZero();
        assertThat(bench.out()).contains("Usage: studio bench", "engine", "media", "api");
        for (String command : List.of("engine", "media", "api")) {
            Run help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: studio bench " + command);
        }
        assertThat(run("media", "--help").out()).contains("--workers", "ffmpeg");
        assertThat(run("api", "--help").out().replaceAll("\\s+", " "))
                .as("the API bench warms up long enough for the JIT compiler by default")
                .contains("Seconds of warm-up first (default 30)");
    }

    @Test
    void badNumbersAreRefusedInOneLineWithExitCodeTwo() {
        List<List<String>> bad = List.of(
                List.of("engine", "--jobs", "0"),
                List.of("engine", "--mode", "cluster"),
                List.of("engine", "--warmup", "-1"),
                List.of("media", "--width", "63"),
                List.of("media", "--workers", "0"),
                List.of("api", "--clients", "0"));
        for (List<String> args : bad) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(args.toString()).isEqualTo(2);
            assertThat(run.err().strip())
                    .as(args.toString())
                    .startsWith("studio bench " + args.get(0) + ": ")
                    .doesNotContain("\n")
                    .doesNotContain("Exception");
            assertThat(run.out()).as(args.toString()).isEmpty();
        }
    }

    @Test
    void anUnknownBenchmarkIsAUsageError() {
        Run run = run("disk");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument", "disk");
    }
}
