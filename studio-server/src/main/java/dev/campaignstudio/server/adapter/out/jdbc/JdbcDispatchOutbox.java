package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.server.engine.Dispatch;
import dev.campaignstudio.server.engine.DispatchOutbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code step_dispatches} table. Relays in several processes share it: each takes due rows with
 * {@code FOR UPDATE SKIP LOCKED}, hands them to its transport, and deletes them in the same transaction, so a row is
 * deleted only once the transport has accepted it.
 */
final class JdbcDispatchOutbox implements DispatchOutbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcDispatchOutbox(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public int relay(Instant now, int limit, Set<WorkQueue> queues, Consumer<List<Dispatch>> publish) {
        Integer relayed = transactions.execute(status -> {
            List<Row> due = jdbc.sql("""
                    SELECT id, step_id, queue_name FROM step_dispatches WHERE available_at <= :now AND queue_name IN (:queues)
                    ORDER BY available_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamps.bind(now))
                    .param("queues", names(queues))
                    .param("limit", limit)
                    .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("step_id"), rs.getString("queue_name")))
                    .list();
            if (due.isEmpty()) {
                return 0;
            }
            publish.accept(due.stream()
                    .map(r -> new Dispatch(new StepId(r.stepId()), WireEnum.require(WorkQueue.class, r.queue())))
                    .toList());
            List<Long> ids = due.stream().map(Row::id).toList();
            jdbc.sql("DELETE FROM step_dispatches WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("UPDATE steps SET dispatched_at = :now WHERE id IN (:ids)")
                    .param("now", Timestamps.bind(now))
                    .param("ids", due.stream().map(Row::stepId).distinct().toList())
                    .update();
            return due.size();
        });
        return relayed == null ? 0 : relayed;
    }

    @Override
    public Optional<Instant> nextDue(Set<WorkQueue> queues) {
        return jdbc.sql("SELECT MIN(available_at) FROM step_dispatches WHERE queue_name IN (:queues)")
                .param("queues", names(queues))
                .query((rs, row) -> Timestamps.read(rs, 1))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    private static List<String> names(Set<WorkQueue> queues) {
        return queues.stream().map(WorkQueue::wire).toList();
    }

    @Override
    public long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM step_dispatches")
                .query(Long.class)
                .single();
    }

    private record Row(long id, String stepId, String queue) {}
}
