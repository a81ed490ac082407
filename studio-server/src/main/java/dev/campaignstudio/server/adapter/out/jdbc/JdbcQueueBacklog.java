package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.server.engine.QueueBacklog;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ready backlog read from the {@code steps} table: pending steps whose {@code not_before} has passed. */
final class JdbcQueueBacklog implements QueueBacklog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcQueueBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Depth> depths() {
        return jdbc.sql("""
                SELECT queue_name, COUNT(*) AS ready, MIN(COALESCE(not_before, created_at)) AS oldest
                FROM steps WHERE status = 'pending' AND (not_before IS NULL OR not_before <= :now)
                GROUP BY queue_name""")
                .param("now", Timestamps.bind(clock.instant()))
                .query((rs, row) ->
                        new Depth(rs.getString("queue_name"), rs.getLong("ready"), Timestamps.read(rs, "oldest")))
                .list();
    }
}
