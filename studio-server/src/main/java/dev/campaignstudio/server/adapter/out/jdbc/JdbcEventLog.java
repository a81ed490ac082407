package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.Ulid;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.server.json.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox table. The per-job sequence comes from a counter on the job row, incremented in the caller's
 * transaction: the row lock orders concurrent appends and a rollback takes the number back, so sequences stay gapless.
 * For a job with a callback URL, the event's delivery is written in the same transaction.
 */
final class JdbcEventLog implements EventLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration horizon;
    private final Runnable deliveryRequested;
    private final SqlDialect dialect;
    private final String nextSequence;
    /** H2: the counter moved by {@code :n}, answered as after. */
    private final String nextSequences;

    /**
     * @param horizon           how long a callback delivery is retried
     * @param deliveryRequested told after commit that a callback delivery was written
     */
    JdbcEventLog(JdbcClient jdbc, SqlDialect dialect, Clock clock, Duration horizon, Runnable deliveryRequested) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.nextSequence = dialect.updateReturning(
                "UPDATE jobs SET last_event_seq = last_event_seq + 1 WHERE id = :id",
                "last_event_seq, callback_url, callback_secret_ref");
        this.nextSequences = dialect.updateReturning(
                "UPDATE jobs SET last_event_seq = last_event_seq + :n WHERE id = :id",
                "last_event_seq, callback_url, callback_secret_ref");
        this.clock = clock;
        this.horizon = horizon;
        this.deliveryRequested = deliveryRequested;
    }

    @Override
    public JobEvent append(JobId jobId, JobEventType type, Map<String, Object> data, Instant at) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended inside the transaction of the change they report");
        }
        String eventId = "evt_" + Ulid.next(clock);
        JobRow job = dialect == SqlDialect.POSTGRESQL
                ? counted(eventId, jobId, type, data, at)
                : appended(eventId, jobId, type, data, at);
        JobEvent event = new JobEvent(eventId, jobId, job.sequence(), type, at, data);
        deliver(event, job);
        return event;
    }

    /**
     * PostgreSQL: every entry with the counter in one statement; H2: the counter moved by all of them, then one insert
     * of every row.
     */
    @Override
    public List<JobEvent> appendAll(JobId jobId, List<Entry> entries, Instant at) {
        if (entries.size() < 2) {
            return EventLog.super.appendAll(jobId, entries, at);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended inside the transaction of the change they report");
        }
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = "evt_" + Ulid.next(clock);
            ids.add(id);
            values.append(i == 0 ? "" : ", ")
                    .append("(:id")
                    .append(i)
                    .append(", ")
                    .append(i + 1)
                    .append(", :type")
                    .append(i)
                    .append(", :data")
                    .append(i)
                    .append(")");
            params.put("id" + i, id);
            params.put("type" + i, entries.get(i).type().wire());
            params.put("data" + i, JsonCodec.write(entries.get(i).data()));
        }
        JobRow job = dialect == SqlDialect.POSTGRESQL
                ? countedAll(jobId, entries.size(), values, params, at)
                : appendedAll(jobId, entries.size(), values, params, at);
        long first = job.sequence() - entries.size() + 1;
        List<JobEvent> events = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            JobEvent event = new JobEvent(ids.get(i), jobId, first + i, entry.type(), at, entry.data());
            deliver(event, job);
            events.add(event);
        }
        return events;
    }

    /**
     * PostgreSQL: the counter moved by {@code n} and the {@code n} rows of {@code values} ({@code (id, ord, type,
     * data)}, {@code ord} from 1) inserted with consecutive sequences, in one statement; answers the job's row as after
     * it (its counter at the last event's sequence).
     */
    private JobRow countedAll(JobId jobId, int n, CharSequence values, Map<String, Object> params, Instant at) {
        List<JobRow> rows = jdbc.sql("""
                WITH counted AS (
                    UPDATE jobs SET last_event_seq = last_event_seq + :n WHERE id = :job
                    RETURNING last_event_seq, callback_url, callback_secret_ref)
                INSERT INTO outbox_events (id, job_id, seq, event_type, occurred_at, data_json)
                SELECT e.id, :job, counted.last_event_seq - :n + e.ord, e.type, :at, e.data
                FROM counted, (VALUES %s) AS e (id, ord, type, data)
                RETURNING seq, (SELECT callback_url FROM counted), (SELECT callback_secret_ref FROM counted)""".formatted(values))
                .params(params)
                .param("n", n)
                .param("job", jobId.value())
                .param("at", Timestamps.bind(at))
                .query((rs, row) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        if (rows.size() != n) {
            throw new IllegalStateException("no job " + jobId + " to append events to");
        }
        JobRow any = rows.get(0);
        return new JobRow(
                rows.stream().mapToLong(JobRow::sequence).max().orElseThrow(), any.callbackUrl(), any.secretRef());
    }

    /** H2: {@link #countedAll} in two statements, the counter and then every row. */
    private JobRow appendedAll(JobId jobId, int n, CharSequence values, Map<String, Object> params, Instant at) {
        JobRow job = jdbc.sql(nextSequences)
                .param("id", jobId.value())
                .param("n", n)
                .query((rs, row) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no job " + jobId + " to append events to"));
        jdbc.sql("""
                INSERT INTO outbox_events (id, job_id, seq, event_type, occurred_at, data_json)
                SELECT e.id, :job, :last - :n + e.ord, e.type, :at, e.data FROM (VALUES %s) AS e (id, ord, type, data)""".formatted(values))
                .params(params)
                .param("job", jobId.value())
                .param("last", job.sequence())
                .param("n", n)
                .param("at", Timestamps.bind(at))
                .update();
        return job;
    }

    /** For a job with a callback URL, writes the event's delivery. */
    private void deliver(JobEvent event, JobRow job) {
        JobId jobId = event.jobId();
        long sequence = event.sequence();
        Instant at = event.occurredAt();
        if (job.callbackUrl() != null) {
            jdbc.sql("""
                    INSERT INTO callback_deliveries (id, job_id, event_id, seq, url, secret_ref, status, attempts, next_attempt_at,
                                                     give_up_at, created_at, updated_at)
                    VALUES (:id, :job, :event, :seq, :url, :ref, 'pending', 0, :at, :giveUp, :at, :at)""")
                    .param("id", "dlv_" + Ulid.next(clock))
                    .param("job", jobId.value())
                    .param("event", event.eventId())
                    .param("seq", sequence)
                    .param("url", job.callbackUrl())
                    .param("ref", job.secretRef() == null ? "default" : job.secretRef())
                    .param("at", Timestamps.bind(at))
                    .param("giveUp", Timestamps.bind(at.plus(horizon)))
                    .update();
            AfterCommit.run(deliveryRequested);
        }
    }

    /** PostgreSQL: the counter and the insert in one statement. */
    private JobRow counted(String eventId, JobId jobId, JobEventType type, Map<String, Object> data, Instant at) {
        return jdbc.sql("""
                WITH counted AS (
                    UPDATE jobs SET last_event_seq = last_event_seq + 1 WHERE id = :job
                    RETURNING last_event_seq, callback_url, callback_secret_ref)
                INSERT INTO outbox_events (id, job_id, seq, event_type, occurred_at, data_json)
                SELECT :id, :job, counted.last_event_seq, :type, :at, :data FROM counted
                RETURNING seq, (SELECT callback_url FROM counted), (SELECT callback_secret_ref FROM counted)""")
                .param("id", eventId)
                .param("job", jobId.value())
                .param("type", type.wire())
                .param("at", Timestamps.bind(at))
                .param("data", JsonCodec.write(data))
                .query((rs, row) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no job " + jobId + " to append an event to"));
    }

    /** H2: the counter, then the insert. */
    private JobRow appended(String eventId, JobId jobId, JobEventType type, Map<String, Object> data, Instant at) {
        JobRow job = jdbc.sql(nextSequence)
                .param("id", jobId.value())
                .query((rs, row) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no job " + jobId + " to append an event to"));
        jdbc.sql("""
                INSERT INTO outbox_events (id, job_id, seq, event_type, occurred_at, data_json)
                VALUES (:id, :job, :seq, :type, :at, :data)""")
                .param("id", eventId)
                .param("job", jobId.value())
                .param("seq", job.sequence())
                .param("type", type.wire())
                .param("at", Timestamps.bind(at))
                .param("data", JsonCodec.write(data))
                .update();
        return job;
    }

    private record JobRow(long sequence, String callbackUrl, String secretRef) {}

    @Override
    public List<JobEvent> after(JobId jobId, long after, int limit) {
        return jdbc.sql("""
                SELECT id, job_id, seq, event_type, occurred_at, data_json FROM outbox_events
                WHERE job_id = :job AND seq > :after ORDER BY seq LIMIT :limit""")
                .param("job", jobId.value())
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new JobEvent(
                        rs.getString("id"),
                        new JobId(rs.getString("job_id")),
                        rs.getLong("seq"),
                        WireEnum.require(JobEventType.class, rs.getString("event_type")),
                        Timestamps.read(rs, "occurred_at"),
                        JsonCodec.parseStoredObject(rs.getString("data_json"))))
                .list();
    }
}
