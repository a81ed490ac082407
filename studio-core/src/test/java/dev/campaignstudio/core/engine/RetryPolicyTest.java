package dev.campaignstudio.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.pipeline.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), 3, Duration.ofSeconds(5), 0.5, RetryPolicy.TRANSIENT);

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
}
