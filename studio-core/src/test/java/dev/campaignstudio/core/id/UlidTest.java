package dev.campaignstudio.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.MutableClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void laterIdsSortAfterEarlierOnes() {
        MutableClock clock = MutableClock.startingNow();
        String first = Ulid.next(clock);
        clock.advance(Duration.ofMillis(1));
        String second = Ulid.next(clock);
        assertThat(first).hasSize(26).isLessThan(second);
        assertThat(Ulid.isValid(first)).isTrue();
    }

    @Test
    void idsAreUniqueWithinOneMillisecond() {
        MutableClock clock = MutableClock.startingNow();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ulid.next(clock))).isTrue();
        }
    }

    @Test
    void malformedIdsAreRecognised() {
        assertThat(Ulid.isValid("01JD3Z8Q4W6T9X2V5B7N0M1K3U")).isFalse();
        assertThat(Ulid.isValid("short")).isFalse();
        assertThat(JobId.isValid("job_01JD3Z8Q4W6T9X2V5B7N0M1K3H")).isTrue();
        assertThat(JobId.isValid("ast_01JD3Z8Q4W6T9X2V5B7N0M1K3H")).isFalse();
    }
}
