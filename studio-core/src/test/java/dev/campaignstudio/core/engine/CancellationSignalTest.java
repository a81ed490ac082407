package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationSignalTest {

    @Test
    void aSleepEndsWhenTheStepIsToldToStop() throws Exception {
        CancellationSignal signal = new CancellationSignal();
        CompletableFuture<Boolean> slept = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        signal.cancel("the job was cancelled");
        assertThat(slept.get(30, TimeUnit.SECONDS)).as("told to stop").isTrue();
    }

    @Test
    void aSleepThatIsNotStoppedLastsItsTimeAndSaysSo() throws Exception {
        assertThat(new CancellationSignal().sleep(Duration.ofMillis(5))).isFalse();
    }

    @Test
    void adaptersFindTheSignalOfTheStepOnTheirThreadAndStopAtTheirNextCheckpoint() {
        CancellationSignal signal = new CancellationSignal();
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread()) {
            CancellationSignal.current().checkpoint();
            signal.cancel("timed out");
            assertThatThrownBy(() -> CancellationSignal.current().checkpoint())
                    .isInstanceOf(StepStopped.class)
                    .hasMessageContaining("timed out");
        }
        CancellationSignal.current().checkpoint();
        assertThat(CancellationSignal.current()).isNotSameAs(signal);
    }

    @Test
    void outsideAStepTheSignalNeverFiresAndCannotBeCancelled() {
        assertThat(CancellationSignal.current().isCancelled()).isFalse();
        assertThatThrownBy(() -> CancellationSignal.current().cancel("no")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstReasonIsKept() {
        CancellationSignal signal = new CancellationSignal();
        signal.cancel("timed out");
        signal.cancel("the job was cancelled");
        assertThat(signal.reason()).isEqualTo("timed out");
    }
}
