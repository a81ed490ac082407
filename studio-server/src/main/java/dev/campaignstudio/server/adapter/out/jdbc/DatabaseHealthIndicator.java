package dev.campaignstudio.server.adapter.out.jdbc;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code database} health: UP while the database answers a query through the service's own connection pool, DOWN
 * otherwise (an embedded H2 database closed under the service, PostgreSQL gone). Readiness includes it, so a service
 * whose API can only answer 503 is not reported ready. A pool's own connection check is not enough: H2 reports a
 * connection to a closed database as valid.
 */
final class DatabaseHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;

    DatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
    }

    @Override
    public Health health() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return Health.up().build();
        } catch (RuntimeException e) {
            // the kind of failure only: a driver's message may name hosts or users
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
