package dev.campaignstudio.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final FaultSchedule.Outages OUTAGES = new FaultSchedule.Outages(
            Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static List<FaultSchedule.Fault> draw(long seed) {
        return FaultSchedule.draw(seed, 20, OUTAGES, Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(draw(21)).isEqualTo(draw(21));
        assertThat(draw(22)).isNotEqualTo(draw(21));
    }

    @Test
    void everyKindComesOnceExceptWorkerKillsWhichAlternateBetweenTheTwoWorkers() {
        List<FaultSchedule.Fault> faults = draw(21);
        assertThat(faults).hasSize(26);
        for (FaultSchedule.Kind kind : FaultSchedule.Kind.values()) {
            long count = faults.stream().filter(f -> f.kind() == kind).count();
            assertThat(count).as("%s", kind).isEqualTo(kind == FaultSchedule.Kind.WORKER_KILL ? 20 : 1);
        }
        List<Integer> targets = faults.stream()
                .filter(f -> f.kind() == FaultSchedule.Kind.WORKER_KILL)
                .map(FaultSchedule.Fault::target)
                .toList();
        for (int i = 0; i < targets.size(); i++) {
            assertThat(targets.get(i)).isEqualTo(i % 2);
        }
    }

    @Test
    void outagesHoldForTheirConfiguredTimeAndPausesStayInTheirRange() {
        for (FaultSchedule.Fault fault : draw(7)) {
            assertThat(fault.pause()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
            switch (fault.kind()) {
                case BROKER_OUTAGE:
                    assertThat(fault.hold()).isEqualTo(Duration.ofSeconds(15));
                    break;
                case DATABASE_OUTAGE:
                    assertThat(fault.hold()).isEqualTo(Duration.ofSeconds(10));
                    break;
                case STORE_OUTAGE:
                    assertThat(fault.hold()).isEqualTo(Duration.ofSeconds(5));
                    break;
                case RECEIVER_DOWN:
                    assertThat(fault.hold()).isEqualTo(Duration.ofSeconds(30));
                    break;
                default:
                    assertThat(fault.hold()).isZero();
            }
        }
    }
}
