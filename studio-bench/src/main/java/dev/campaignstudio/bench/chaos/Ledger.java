package dev.campaignstudio.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database of a chaos run says, read over a direct connection (not through the link the run cuts): job and
 * step states, executions, dispatches and deliveries left over.
 */
final class Ledger {

    /**
     * A step attempt that a killed worker was running.
     *
     * @param job     its job
     * @param stage   its stage
     * @param scene   its scene (0 for none)
     * @param attempt its attempt number
     */
    record Slot(String job, String stage, int scene, int attempt) {}

    private final String url;
    private final String user;
    private final String password;

    Ledger(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Jobs that have not ended. */
    long unfinishedJobs() throws SQLException {
        return count("SELECT COUNT(*) FROM jobs WHERE status NOT IN ('succeeded', 'failed', 'cancelled')");
    }

    /** Each job's status. */
    Map<String, String> statuses() throws SQLException {
        return pairs("SELECT id, status FROM jobs");
    }

    /** Each job's last event sequence. */
    Map<String, Long> lastSequences() throws SQLException {
        Map<String, Long> last = new LinkedHashMap<>();
        pairs("SELECT id, last_event_seq FROM jobs").forEach((job, seq) -> last.put(job, Long.parseLong(seq)));
        return last;
    }

    /** The error of each job that did not succeed. */
    Map<String, String> errorsOfUnsuccessfulJobs() throws SQLException {
        return pairs("SELECT id, COALESCE(error_json, status) FROM jobs WHERE status <> 'succeeded' ORDER BY id");
    }

    /** (job, stage, scene) slots with more than one succeeded attempt. */
    long stepsSucceededTwice() throws SQLException {
        return count("SELECT COUNT(*) FROM (SELECT job_id, stage, scene_order FROM steps WHERE status = 'succeeded'"
                + " GROUP BY job_id, stage, scene_order HAVING COUNT(*) > 1) twice");
    }

    /** Attempts that ran (a claim each, so a call of the stage's capabilities each). */
    long executions() throws SQLException {
        return count("SELECT COUNT(*) FROM steps WHERE status IN ('succeeded', 'reused', 'failed', 'running')");
    }

    /** The fewest executions the same jobs need without faults: one per slot that ended succeeded or reused. */
    long minimumExecutions() throws SQLException {
        return count("SELECT COUNT(*) FROM (SELECT DISTINCT job_id, stage, scene_order FROM steps"
                + " WHERE status IN ('succeeded', 'reused')) slots");
    }

    /** Failed attempts by error code: why executions went beyond the minimum. */
    Map<String, String> failedAttemptsByCode() throws SQLException {
        return pairs("SELECT COALESCE(CAST(error_json AS json) ->> 'code', 'none'), CAST(COUNT(*) AS text) FROM steps"
                + " WHERE status = 'failed' GROUP BY 1 ORDER BY 1");
    }

    long stepsIn(String status) throws SQLException {
        return count("SELECT COUNT(*) FROM steps WHERE status = ?", status);
    }

    long pendingDispatches() throws SQLException {
        return count("SELECT COUNT(*) FROM step_dispatches");
    }

    long undeliveredCallbacks() throws SQLException {
        return count("SELECT COUNT(*) FROM callback_deliveries WHERE status <> 'delivered'");
    }

    /** Steps that succeeded (or were reused) after {@code since}. */
    long stepsFinishedAfter(Instant since) throws SQLException {
        return count(
                "SELECT COUNT(*) FROM steps WHERE status IN ('succeeded', 'reused') AND finished_at > ?",
                Timestamp.from(since));
    }

    /** Steps claimed after {@code since}. */
    long stepsStartedAfter(Instant since) throws SQLException {
        return count("SELECT COUNT(*) FROM steps WHERE started_at > ?", Timestamp.from(since));
    }

    /** The attempts a worker process runs now (its lease owner is {@code host:pid:random}). */
    List<Slot> runningOn(long pid) throws SQLException {
        List<Slot> slots = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement statement = prepare(
                        connection,
                        "SELECT job_id, stage, scene_order, attempt FROM steps"
                                + " WHERE status = 'running' AND lease_owner LIKE ?",
                        "%:" + pid + ":%");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                slots.add(new Slot(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
            }
        }
        return slots;
    }

    /** Whether a later attempt of {@code slot} succeeded, or its job ended anyway. */
    boolean recovered(Slot slot) throws SQLException {
        return count(
                                "SELECT COUNT(*) FROM steps WHERE job_id = ? AND stage = ? AND scene_order = ? AND attempt > ?"
                                        + " AND status IN ('succeeded', 'reused')",
                                slot.job(),
                                slot.stage(),
                                slot.scene(),
                                slot.attempt())
                        > 0
                || count(
                                "SELECT COUNT(*) FROM jobs WHERE id = ? AND status IN ('succeeded', 'failed', 'cancelled')",
                                slot.job())
                        > 0;
    }

    private Map<String, String> pairs(String sql) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
