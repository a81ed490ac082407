package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.server.retention.RetentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention and deletion over the JDBC tables, each job's rows in one transaction. */
final class JdbcRetentionStore implements RetentionStore {

    private static final String FINISHED = "('succeeded', 'failed', 'cancelled')";
    private static final String REJECTED_ROLE = "rejected_image";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcRetentionStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Deletion deleteJob(JobId id) {
        return transactions.execute(status -> {
            List<String> statuses = jdbc.sql("SELECT status FROM jobs WHERE id = :id FOR UPDATE")
                    .param("id", id.value())
                    .query(String.class)
                    .list();
            if (statuses.isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            List<String> family = family(id.value());
            long unfinished = jdbc.sql("SELECT COUNT(*) FROM jobs WHERE id IN (:ids) AND status NOT IN " + FINISHED)
                    .param("ids", family)
                    .query(Long.class)
                    .single();
            if (unfinished > 0) {
                return Deletion.RUNNING;
            }
            delete(family);
            return Deletion.DELETED;
        });
    }

    /** The job and its retries, retries of retries and so on. */
    private List<String> family(String root) {
        Set<String> all = new LinkedHashSet<>(List.of(root));
        List<String> frontier = List.of(root);
        while (!frontier.isEmpty()) {
            frontier = jdbc
                    .sql("SELECT id FROM jobs WHERE parent_job_id IN (:ids)")
                    .param("ids", frontier)
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(all::add)
                    .toList();
        }
        return new ArrayList<>(all);
    }

    private void delete(List<String> jobs) {
        String steps = "SELECT id FROM steps WHERE job_id IN (:jobs)";
        detachSharedAssets(jobs);
        for (String sql : List.of(
                "DELETE FROM callback_attempts WHERE job_id IN (:jobs)",
                "DELETE FROM callback_deliveries WHERE job_id IN (:jobs)",
                "DELETE FROM step_notes WHERE job_id IN (:jobs)",
                "DELETE FROM step_dispatches WHERE step_id IN (" + steps + ")",
                "DELETE FROM product_checkpoints WHERE job_id IN (:jobs) OR step_id IN (" + steps + ")",
                "DELETE FROM assets WHERE job_id IN (:jobs) OR step_id IN (" + steps + ")",
                "DELETE FROM outbox_events WHERE job_id IN (:jobs)",
                "DELETE FROM steps WHERE job_id IN (:jobs)",
                "UPDATE jobs SET parent_job_id = NULL WHERE id IN (:jobs)",
                "DELETE FROM jobs WHERE id IN (:jobs)")) {
            jdbc.sql(sql).param("jobs", jobs).update();
        }
    }

    /** Files of these jobs that another job's steps list (reused identity outputs) stay, no longer tied to them. */
    private void detachSharedAssets(List<String> jobs) {
        List<String> assets = jdbc.sql("SELECT id FROM assets WHERE job_id IN (:jobs)")
                .param("jobs", jobs)
                .query(String.class)
                .list();
        for (String asset : assets) {
            boolean shared =
                    jdbc.sql("SELECT COUNT(*) FROM steps WHERE job_id NOT IN (:jobs) AND assets_json LIKE :like")
                                    .param("jobs", jobs)
                                    .param("like", "%\"" + asset + "\"%")
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (shared) {
                jdbc.sql("UPDATE assets SET job_id = NULL, step_id = NULL WHERE id = :id")
                        .param("id", asset)
                        .update();
            }
        }
    }

    @Override
    public List<JobId> finishedBefore(Instant cutoff, int limit) {
        return jdbc
                .sql("SELECT j.id FROM jobs j WHERE j.status IN " + FINISHED + " AND j.finished_at < :cutoff"
                        + " AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.parent_job_id = j.id)"
                        + " ORDER BY j.finished_at LIMIT :limit")
                .param("cutoff", Timestamps.bind(cutoff))
                .param("limit", limit)
                .query(String.class)
                .list()
                .stream()
                .map(JobId::new)
                .toList();
    }

    @Override
    public int deleteDeliveriesBefore(Instant cutoff) {
        String old = "SELECT id FROM jobs WHERE status IN " + FINISHED + " AND finished_at < :cutoff";
        return transactions.execute(status -> {
            jdbc.sql("DELETE FROM callback_attempts WHERE job_id IN (" + old + ")")
                    .param("cutoff", Timestamps.bind(cutoff))
                    .update();
            return jdbc.sql("DELETE FROM callback_deliveries WHERE job_id IN (" + old + ")")
                    .param("cutoff", Timestamps.bind(cutoff))
                    .update();
        });
    }

    @Override
    public int deleteEventsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_events WHERE occurred_at < :cutoff"
                        + " AND job_id IN (SELECT id FROM jobs WHERE status IN " + FINISHED + ")"
                        + " AND NOT EXISTS (SELECT 1 FROM callback_deliveries d WHERE d.event_id = outbox_events.id)")
                .param("cutoff", Timestamps.bind(cutoff))
                .update();
    }

    @Override
    public int deleteRejectedImagesBefore(Instant cutoff) {
        List<String> notes = jdbc.sql(
                        "SELECT assets_json FROM step_notes WHERE created_at < :cutoff AND assets_json LIKE :like")
                .param("cutoff", Timestamps.bind(cutoff))
                .param("like", "%" + REJECTED_ROLE + "%")
                .query(String.class)
                .list();
        Set<String> rejected = new LinkedHashSet<>();
        for (String json : notes) {
            for (StepRecord.StepAsset ref : StepAssetsJson.read(json)) {
                if (REJECTED_ROLE.equals(ref.role())) {
                    rejected.add(ref.assetId());
                }
            }
        }
        if (rejected.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM assets WHERE id IN (:ids)")
                .param("ids", List.copyOf(rejected))
                .update();
    }
}
