package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.callback.Delivery;
import dev.campaignstudio.core.callback.DeliveryAttempt;
import dev.campaignstudio.core.callback.DeliveryStatus;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.event.JobEvent;
import dev.campaignstudio.core.event.JobEventType;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.port.out.DeliveryStore;
import dev.campaignstudio.server.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callback deliveries in {@code callback_deliveries} and {@code callback_attempts}. A delivery is due only when no
 * earlier event of its job is still pending, which keeps each job's callbacks in sequence order; deliverers in several
 * processes share the table through {@code FOR UPDATE SKIP LOCKED} and short leases.
 */
final class JdbcDeliveryStore implements DeliveryStore {

    private static final String COLUMNS =
            "d.id, d.job_id, d.event_id, d.seq, d.url, d.secret_ref, d.status, d.attempts, d.next_attempt_at, "
                    + "d.give_up_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JobRequestReader reader;

    JdbcDeliveryStore(JdbcClient jdbc, TransactionTemplate transactions, JobRequestReader reader) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<Due> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        List<Due> due = transactions.execute(status -> {
            List<Delivery> claimable = jdbc.sql("SELECT " + COLUMNS + """
                     FROM callback_deliveries d
                    WHERE d.status = 'pending' AND d.next_attempt_at <= :now
                      AND (d.lease_expires_at IS NULL OR d.lease_expires_at < :now)
                      AND NOT EXISTS (SELECT 1 FROM callback_deliveries e WHERE e.job_id = d.job_id AND e.status = 'pending' AND e.seq < d.seq)
                    ORDER BY d.next_attempt_at, d.seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamps.bind(now))
                    .param("limit", limit)
                    .query(this::delivery)
                    .list();
            List<Due> taken = new ArrayList<>();
            for (Delivery delivery : claimable) {
                jdbc.sql(
                                "UPDATE callback_deliveries SET lease_owner = :owner, lease_expires_at = :until, updated_at = :now WHERE id = :id")
                        .param("owner", owner)
                        .param("until", Timestamps.bind(leaseUntil))
                        .param("now", Timestamps.bind(now))
                        .param("id", delivery.id())
                        .update();
                taken.add(new Due(delivery, event(delivery.eventId()), metadata(delivery.jobId())));
            }
            return taken;
        });
        return due == null ? List.of() : due;
    }

    @Override
    public void record(
            Delivery delivery, DeliveryAttempt attempt, DeliveryStatus status, Instant nextAttemptAt, Instant now) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO callback_attempts (delivery_id, job_id, event_id, attempted_at, status_code, latency_ms, error, outcome)
                    VALUES (:delivery, :job, :event, :at, :code, :latency, :error, :outcome)""")
                    .param("delivery", delivery.id())
                    .param("job", delivery.jobId().value())
                    .param("event", delivery.eventId())
                    .param("at", Timestamps.bind(attempt.at()))
                    .param("code", attempt.statusCode())
                    .param("latency", attempt.latencyMs())
                    .param("error", truncate(attempt.error()))
                    .param("outcome", attempt.outcome())
                    .update();
            jdbc.sql("""
                    UPDATE callback_deliveries SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                           last_status_code = :code, last_error = :error, lease_owner = NULL, lease_expires_at = NULL,
                           delivered_at = CASE WHEN :status = 'delivered' THEN :now ELSE delivered_at END, updated_at = :now
                    WHERE id = :id""")
                    .param("status", status.wire())
                    .param("next", Timestamps.bind(nextAttemptAt))
                    .param("code", attempt.statusCode())
                    .param("error", truncate(attempt.error()))
                    .param("now", Timestamps.bind(now))
                    .param("id", delivery.id())
                    .update();
        });
    }

    @Override
    public int stopPending(JobId jobId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE callback_deliveries SET status = 'stopped', last_error = :reason, lease_owner = NULL, lease_expires_at = NULL,
                       updated_at = :now
                WHERE job_id = :job AND status = 'pending'""")
                .param("reason", truncate(reason))
                .param("now", Timestamps.bind(now))
                .param("job", jobId.value())
                .update();
    }

    @Override
    public List<Delivery> forJob(JobId jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_deliveries d WHERE d.job_id = :job ORDER BY d.seq")
                .param("job", jobId.value())
                .query(this::delivery)
                .list();
    }

    @Override
    public List<DeliveryAttempt> attempts(JobId jobId) {
        return jdbc.sql("""
                SELECT delivery_id, event_id, attempted_at, status_code, latency_ms, error, outcome FROM callback_attempts
                WHERE job_id = :job ORDER BY id""")
                .param("job", jobId.value())
                .query((rs, row) -> new DeliveryAttempt(
                        rs.getString("delivery_id"),
                        rs.getString("event_id"),
                        Timestamps.read(rs, "attempted_at"),
                        (Integer) rs.getObject("status_code", Integer.class),
                        rs.getLong("latency_ms"),
                        rs.getString("error"),
                        rs.getString("outcome")))
                .list();
    }

    @Override
    public Optional<Delivery> redeliver(JobId jobId, String eventId, Instant now, Instant giveUpAt) {
        int updated = jdbc.sql("""
                UPDATE callback_deliveries SET status = 'pending', next_attempt_at = :now, give_up_at = :giveUp, lease_owner = NULL,
                       lease_expires_at = NULL, updated_at = :now
                WHERE job_id = :job AND event_id = :event""")
                .param("now", Timestamps.bind(now))
                .param("giveUp", Timestamps.bind(giveUpAt))
                .param("job", jobId.value())
                .param("event", eventId)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_deliveries d WHERE d.event_id = :event")
                .param("event", eventId)
                .query(this::delivery)
                .optional();
    }

    private JobEvent event(String eventId) {
        return jdbc.sql("SELECT id, job_id, seq, event_type, occurred_at, data_json FROM outbox_events WHERE id = :id")
                .param("id", eventId)
                .query((rs, row) -> new JobEvent(
                        rs.getString("id"),
                        new JobId(rs.getString("job_id")),
                        rs.getLong("seq"),
                        WireEnum.require(JobEventType.class, rs.getString("event_type")),
                        Timestamps.read(rs, "occurred_at"),
                        JsonCodec.parseStoredObject(rs.getString("data_json"))))
                .single();
    }

    private Map<String, Object> metadata(JobId jobId) {
        String request = jdbc.sql("SELECT request_json FROM jobs WHERE id = :id")
                .param("id", jobId.value())
                .query(String.class)
                .single();
        return reader.read(JsonCodec.parseStored(request)).orThrow().envelope().metadata();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                new JobId(rs.getString("job_id")),
                rs.getString("event_id"),
                rs.getLong("seq"),
                rs.getString("url"),
                rs.getString("secret_ref"),
                WireEnum.require(DeliveryStatus.class, rs.getString("status")),
                rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"),
                Timestamps.read(rs, "give_up_at"),
                (Integer) rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "delivered_at"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
