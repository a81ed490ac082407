package dev.campaignstudio.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

    private static final List<ChaosReport.FaultResult> FAULTS = List.of(
            new ChaosReport.FaultResult(FaultSchedule.Kind.WORKER_KILL, "worker1", 3.0, Duration.ofSeconds(12), "x"),
            new ChaosReport.FaultResult(FaultSchedule.Kind.WORKER_KILL, "worker2", 9.0, Duration.ofSeconds(20), "y"),
            new ChaosReport.FaultResult(FaultSchedule.Kind.RECEIVER_DOWN, "", 20.0, Duration.ofMillis(1500), "z"));

    private static ChaosReport report(
            int asExpected, long twice, long lost, long outOfOrder, long invalid, long running, long dispatches) {
        return new ChaosReport(
                21,
                Map.of("fast_video", 2, "ugc", 2),
                asExpected,
                Map.of("succeeded", asExpected, "failed", 4 - asExpected),
                twice,
                30,
                26,
                Map.of("WORKER_LOST", "4"),
                lost,
                outOfOrder,
                1,
                invalid,
                0,
                running,
                0,
                dispatches,
                0,
                FAULTS,
                2,
                0,
                1,
                asExpected == 4 ? Map.of() : Map.of("job_1", "{\"code\":\"STORAGE_UNAVAILABLE\"}"),
                null,
                120);
    }

    @Test
    void aCleanRunPassesAndItsTablePrintsEveryCheckAndTheRecoveryPerKind() {
        ChaosReport clean = report(4, 0, 0, 0, 0, 0, 0);

        assertThat(clean.passed()).isTrue();
        String table = clean.table();
        assertThat(table).contains("4/4 (100%)", "4 (30 of 26)", "{WORKER_LOST=4}", "result: PASSED");
        assertThat(table).containsPattern("SIGKILL worker\\s+2\\s+16\\.0 s\\s+20\\.0 s");
        assertThat(table).containsPattern("callback receiver down\\s+1\\s+1\\.5 s");
    }

    @Test
    void everyBrokenPromiseIsAFailureInWords() {
        ChaosReport broken = report(3, 1, 2, 1, 1, 1, 3);

        assertThat(broken.passed()).isFalse();
        assertThat(broken.failures())
                .hasSize(7)
                .anySatisfy(f -> assertThat(f).contains("STORAGE_UNAVAILABLE"))
                .contains(
                        "1 step(s) succeeded twice",
                        "2 event(s) lost at the receiver",
                        "1 event(s) out of order at the receiver",
                        "1 invalid signature(s)",
                        "1 step(s) left running",
                        "3 dispatch(es) left pending");
        assertThat(broken.table()).contains("result: FAILED");
    }
}
