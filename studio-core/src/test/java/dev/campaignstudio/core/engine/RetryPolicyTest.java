package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.pipeline.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofSeconds(1), 3, Duration.ofSeconds(5), 0.5, RetryPolicy.TRANSIENT);

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        assertThat(policy.backoff(1, () -> 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, () -> 0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(3, () -> 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(10, () -> 0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterShortensTheWaitByAtMostItsShare() {
        assertThat(policy.backoff(2, () -> 0.999)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1510));
        assertThat(policy.backoff(2, () -> 0.5)).isEqualTo(Duration.ofMillis(2250));
    }

    @Test
    void onlyTransientRetryableCodesAreRetriedAndOnlyWithinTheAttempts() {
        assertThat(policy.retries("PROVIDER_TIMEOUT", true, 1)).isTrue();
        assertThat(policy.retries("PROVIDER_TIMEOUT", true, 4)).isFalse();
        assertThat(policy.retries("PROVIDER_TIMEOUT", false, 1)).isFalse();
        assertThat(policy.retries("FIDELITY_DRIFT", true, 1)).isFalse();
        assertThat(RetryPolicy.NONE.retries("PROVIDER_TIMEOUT", true, 1)).isFalse();
    }

    @Test
    void infrastructureFaultsGetEightAttemptsWhateverTheStageBudget() {
        RetryPolicy three = RetryPolicy.STANDARD;
        for (String code : new String[] {"WORKER_LOST", "STORAGE_UNAVAILABLE", "DATABASE_UNAVAILABLE", "TRANSIENT"}) {
            assertThat(three.retries(code, true, 7)).as(code).isTrue();
            assertThat(three.retries(code, true, 8)).as(code).isFalse();
            assertThat(RetryPolicy.NONE.retries(code, true, 1)).as(code).isFalse();
        }
        assertThat(three.retries("PROVIDER_ERROR", true, 2)).isTrue();
        assertThat(three.retries("PROVIDER_ERROR", true, 3)).isFalse();
        RetryPolicy ten =
                new RetryPolicy(10, Duration.ofSeconds(1), 2, Duration.ofSeconds(5), 0, RetryPolicy.TRANSIENT);
        assertThat(ten.retries("WORKER_LOST", true, 9)).isTrue();
    }
}
