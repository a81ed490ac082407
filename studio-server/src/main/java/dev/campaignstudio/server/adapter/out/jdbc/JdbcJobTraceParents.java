package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.server.observability.JobTraceParents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trace parents in the {@code jobs.trace_parent} column. The job repository passes on what it reads with each job row
 * ({@link #seen}), so a step does not read its job's trace parent in a round trip of its own (docs/engine.md "Where
 * the time goes"): the engine has read the job's row when the step starts. A trace parent is written with its job
 * and kept (only {@link #remember} sets one later, and it drops what was seen).
 */
final class JdbcJobTraceParents implements JobTraceParents {

    private static final int KEPT = 1024;

    private final JdbcClient jdbc;
    private final Map<String, Optional<String>> seen =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > KEPT;
                }
            });

    JdbcJobTraceParents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The trace parent of {@code job} as just read with its row ({@code null}: none). */
    void seen(String job, String traceParent) {
        seen.put(job, Optional.ofNullable(traceParent));
    }

    @Override
    public void remember(JobId job, String traceParent) {
        jdbc.sql("UPDATE jobs SET trace_parent = :parent WHERE id = :id AND trace_parent IS NULL")
                .param("parent", traceParent)
                .param("id", job.value())
                .update();
        seen.remove(job.value());
    }

    @Override
    public Optional<String> of(JobId job) {
        Optional<String> known = seen.get(job.value());
        if (known != null) {
            return known;
        }
        Optional<String> read = jdbc
                .sql("SELECT trace_parent FROM jobs WHERE id = :id")
                .param("id", job.value())
                .query((rs, row) -> rs.getString(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
        seen(job.value(), read.orElse(null));
        return read;
    }
}
