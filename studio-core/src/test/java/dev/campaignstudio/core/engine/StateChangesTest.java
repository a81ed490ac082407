package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.job.IllegalStateChangeException;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StateChanges;
import dev.campaignstudio.core.job.StepStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every pair of states: exactly the listed changes are legal. */
class StateChangesTest {

    private static final Set<String> JOB_CHANGES = Set.of(
            "QUEUED->RUNNING",
            "QUEUED->FAILED",
            "QUEUED->CANCELLED",
            "RUNNING->SUCCEEDED",
            "RUNNING->FAILED",
            "RUNNING->CANCELLED");

    private static final Set<String> STEP_CHANGES = Set.of(
            "PENDING->RUNNING",
            "PENDING->SKIPPED",
            "PENDING->REUSED",
            "RUNNING->SUCCEEDED",
            "RUNNING->FAILED",
            "RUNNING->SKIPPED",
            "RUNNING->REUSED");

    @Test
    void everyJobStatePairIsAllowedExactlyWhenListed() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                boolean listed = JOB_CHANGES.contains(from + "->" + to);
                assertThat(StateChanges.allowed(from, to)).as(from + "->" + to).isEqualTo(listed);
                if (!listed) {
                    assertThatThrownBy(() -> StateChanges.check(from, to))
                            .isInstanceOf(IllegalStateChangeException.class);
                }
            }
        }
    }

    @Test
    void everyStepStatePairIsAllowedExactlyWhenListed() {
        for (StepStatus from : StepStatus.values()) {
            for (StepStatus to : StepStatus.values()) {
                boolean listed = STEP_CHANGES.contains(from + "->" + to);
                assertThat(StateChanges.allowed(from, to)).as(from + "->" + to).isEqualTo(listed);
                if (!listed) {
                    assertThatThrownBy(() -> StateChanges.check(from, to))
                            .isInstanceOf(IllegalStateChangeException.class);
                }
            }
        }
    }

    @Test
    void terminalStatesAreTheOnesWithNoWayOut() {
        for (JobStatus status : JobStatus.values()) {
            boolean noWayOut = JOB_CHANGES.stream().noneMatch(c -> c.startsWith(status + "->"));
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(noWayOut);
        }
        for (StepStatus status : StepStatus.values()) {
            boolean noWayOut = STEP_CHANGES.stream().noneMatch(c -> c.startsWith(status + "->"));
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(noWayOut);
        }
    }
}
