package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.server.observability.JobTraceParents;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Trace parents in the {@code jobs.trace_parent} column. */
final class JdbcJobTraceParents implements JobTraceParents {

    private final JdbcClient jdbc;

    JdbcJobTraceParents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(JobId job, String traceParent) {
        jdbc.sql("UPDATE jobs SET trace_parent = :parent WHERE id = :id AND trace_parent IS NULL")
                .param("parent", traceParent).param("id", job.value()).update();
    }

    @Override
    public Optional<String> of(JobId job) {
        return jdbc.sql("SELECT trace_parent FROM jobs WHERE id = :id").param("id", job.value())
                .query((rs, row) -> rs.getString(1)).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
