package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.pipeline.RetryPolicy;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseOutagesTest {

    @Test
    void aPoolThatCannotGetAConnectionFailsTheStepRetryablyNotAsABug() {
        StageHandler reading = context -> {
            throw new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        };

        assertThatThrownBy(() -> DatabaseOutages.retryable("ugc_media", reading).execute(null))
                .isInstanceOfSatisfying(StepFault.class, fault -> {
                    assertThat(fault.code()).isEqualTo("DATABASE_UNAVAILABLE");
                    assertThat(fault.retryable()).isTrue();
                    assertThat(RetryPolicy.STANDARD.retries(fault.code(), fault.retryable(), 1))
                            .isTrue();
                    assertThat(fault.getMessage()).doesNotContain("Hikari");
                });
    }

    @Test
    void aTransientSqlFailureDeepInTheCausesCountsToo() {
        assertThat(DatabaseOutages.outage(new IllegalStateException(
                        "wrapped", new RuntimeException(new SQLTransientConnectionException("gone")))))
                .isTrue();
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        DataIntegrityViolationException bug = new DataIntegrityViolationException("duplicate key");
        StageHandler broken = context -> {
            throw bug;
        };

        assertThatThrownBy(() -> DatabaseOutages.retryable("stitch", broken).execute(null))
                .isSameAs(bug);
        assertThat(DatabaseOutages.outage(new IllegalArgumentException("no"))).isFalse();
    }
}
