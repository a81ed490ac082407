package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.job.StepNote;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.job.StepStatus;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.server.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Steps and their dispatch requests in {@code steps} and {@code step_dispatches}. Claims, renewals and finishes are
 * conditional updates, so concurrent workers and duplicate deliveries settle in the database.
 */
final class JdbcStepStore implements StepStore {

    private static final String COLUMNS =
            "id, job_id, stage, scene_order, attempt, status, queue_name, inputs_json, outputs_json, "
                    + "assets_json, error_json, adapter, lease_owner, lease_expires_at, not_before, claims, created_at, started_at, finished_at";
    private static final String LIVE_JOB =
            " EXISTS (SELECT 1 FROM jobs j WHERE j.id = steps.job_id AND j.cancel_requested = FALSE "
                    + "AND j.status IN ('queued', 'running'))";

    private static final String INSERT_STEP = """
            INSERT INTO steps (id, job_id, stage, scene_order, attempt, status, queue_name, inputs_json,
                               outputs_json, assets_json, error_json, adapter, lease_owner, lease_expires_at,
                               not_before, claims, created_at, updated_at, started_at, finished_at)
            VALUES (:id, :job, :stage, :scene, :attempt, :status, :queue, :inputs, :outputs, :assets, :error,
                    :adapter, :owner, :leaseUntil, :notBefore, :claims, :created, :created, :started, :finished)
            ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Runnable dispatchRequested;
    /** Claims a pending step and answers it as claimed, in one statement. */
    private final String claim;

    /**
     * @param dispatchRequested told (after commit) that a dispatch request was written, so a relay can wake up
     */
    JdbcStepStore(JdbcClient jdbc, SqlDialect dialect, Runnable dispatchRequested) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.claim = dialect.updateReturning("""
                UPDATE steps SET status = 'running', lease_owner = :owner, lease_expires_at = :until, claims = claims + 1,
                                 started_at = COALESCE(started_at, :now), updated_at = :now
                WHERE id = :id AND status = 'pending' AND (not_before IS NULL OR not_before <= :now) AND""" + LIVE_JOB, COLUMNS);
        this.dispatchRequested = dispatchRequested;
    }

    @Override
    public boolean insert(StepRecord step, Instant dispatchAt) {
        boolean pending = step.status() == StepStatus.PENDING;
        if (pending && dialect == SqlDialect.POSTGRESQL) {
            // the step and its dispatch request in one round trip: a request only for a step this inserted
            boolean inserted = stepInsert(
                                    "WITH step AS (" + INSERT_STEP + " RETURNING id, queue_name)"
                                            + " INSERT INTO step_dispatches (step_id, queue_name, available_at, created_at)"
                                            + " SELECT id, queue_name, :at, :created FROM step",
                                    step)
                            .param("at", Timestamps.bind(dispatchAt))
                            .update()
                    == 1;
            if (inserted) {
                AfterCommit.run(dispatchRequested);
            }
            return inserted;
        }
        int inserted = stepInsert(INSERT_STEP, step).update();
        if (inserted == 1 && pending) {
            jdbc.sql(
                            "INSERT INTO step_dispatches (step_id, queue_name, available_at, created_at) VALUES (:step, :queue, :at, :now)")
                    .param("step", step.id().value())
                    .param("queue", step.queue().wire())
                    .param("at", Timestamps.bind(dispatchAt))
                    .param("now", Timestamps.bind(step.createdAt()))
                    .update();
            AfterCommit.run(dispatchRequested);
        }
        return inserted == 1;
    }

    /** {@code sql} with the parameters of {@link #INSERT_STEP} bound from {@code step}. */
    private JdbcClient.StatementSpec stepInsert(String sql, StepRecord step) {
        return jdbc.sql(sql)
                .param("id", step.id().value())
                .param("job", step.jobId().value())
                .param("stage", step.stage())
                .param("scene", step.sceneOrder())
                .param("attempt", step.attempt())
                .param("status", step.status().wire())
                .param("queue", step.queue().wire())
                .param("inputs", JsonCodec.write(step.inputs()))
                .param("outputs", JsonCodec.write(step.outputs()))
                .param("assets", StepAssetsJson.write(step.assets()))
                .param(
                        "error",
                        step.error() == null
                                ? null
                                : JsonCodec.write(step.error().toTree()))
                .param("adapter", step.adapter())
                .param("owner", step.leaseOwner())
                .param("leaseUntil", Timestamps.bind(step.leaseExpiresAt()))
                .param("claims", step.claims())
                .param("notBefore", Timestamps.bind(step.notBefore()))
                .param("created", Timestamps.bind(step.createdAt()))
                .param("started", Timestamps.bind(step.startedAt()))
                .param("finished", Timestamps.bind(step.finishedAt()));
    }

    @Override
    public Optional<StepRecord> find(StepId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM steps WHERE id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    public List<StepRecord> forJob(JobId jobId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM steps WHERE job_id = :job ORDER BY created_at, scene_order, attempt, id")
                .param("job", jobId.value())
                .query(this::map)
                .list();
    }

    @Override
    public Optional<StepRecord> claim(StepId id, String owner, Instant now, Instant leaseUntil) {
        return jdbc.sql(claim)
                .param("owner", owner)
                .param("until", Timestamps.bind(leaseUntil))
                .param("now", Timestamps.bind(now))
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Lease renew(StepId id, String owner, Instant now, Instant leaseUntil) {
        int renewed = jdbc.sql("""
                UPDATE steps SET lease_expires_at = :until, updated_at = :now
                WHERE id = :id AND status = 'running' AND lease_owner = :owner""")
                .param("until", Timestamps.bind(leaseUntil))
                .param("now", Timestamps.bind(now))
                .param("id", id.value())
                .param("owner", owner)
                .update();
        if (renewed == 0) {
            return Lease.LOST;
        }
        boolean wanted = jdbc.sql("SELECT COUNT(*) FROM steps WHERE id = :id AND " + LIVE_JOB)
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                == 1;
        return wanted ? Lease.HELD : Lease.STOP;
    }

    @Override
    public boolean finish(
            StepId id,
            String owner,
            StepStatus status,
            Map<String, Object> inputs,
            Map<String, Object> outputs,
            List<StepRecord.StepAsset> assets,
            JobError error,
            String adapter,
            Instant now) {
        return jdbc.sql("""
                UPDATE steps SET status = :status, inputs_json = :inputs, outputs_json = :outputs, assets_json = :assets,
                                 error_json = :error, adapter = :adapter, lease_owner = NULL, lease_expires_at = NULL, finished_at = :now, updated_at = :now
                WHERE id = :id AND status = 'running' AND lease_owner = :owner""")
                        .param("status", status.wire())
                        .param("inputs", JsonCodec.write(inputs))
                        .param("outputs", JsonCodec.write(outputs))
                        .param("assets", StepAssetsJson.write(assets))
                        .param("error", error == null ? null : JsonCodec.write(error.toTree()))
                        .param("adapter", adapter)
                        .param("now", Timestamps.bind(now))
                        .param("id", id.value())
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public boolean note(
            StepId id, String owner, Map<String, Object> note, List<StepRecord.StepAsset> assets, Instant now) {
        return jdbc.sql("""
                INSERT INTO step_notes (step_id, job_id, stage, scene_order, attempt, note_json, assets_json, created_at)
                SELECT id, job_id, stage, scene_order, attempt, :note, :assets, :now FROM steps
                WHERE id = :id AND status = 'running' AND lease_owner = :owner""")
                        .param("note", JsonCodec.write(note))
                        .param("assets", StepAssetsJson.write(assets))
                        .param("now", Timestamps.bind(now))
                        .param("id", id.value())
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public List<StepNote> notes(JobId jobId, String stage, int sceneOrder) {
        return jdbc.sql("""
                SELECT step_id, attempt, note_json, assets_json, created_at FROM step_notes
                WHERE job_id = :job AND stage = :stage AND scene_order = :scene ORDER BY id""")
                .param("job", jobId.value())
                .param("stage", stage)
                .param("scene", sceneOrder)
                .query((rs, row) -> new StepNote(
                        new StepId(rs.getString("step_id")),
                        rs.getInt("attempt"),
                        JsonCodec.parseStoredObject(rs.getString("note_json")),
                        StepAssetsJson.read(rs.getString("assets_json")),
                        Timestamps.read(rs, "created_at")))
                .list();
    }

    @Override
    public int skipPending(JobId jobId, Instant now) {
        jdbc.sql(
                        "DELETE FROM step_dispatches WHERE step_id IN (SELECT id FROM steps WHERE job_id = :job AND status = 'pending')")
                .param("job", jobId.value())
                .update();
        return jdbc.sql(
                        "UPDATE steps SET status = 'skipped', finished_at = :now, updated_at = :now WHERE job_id = :job AND status = 'pending'")
                .param("now", Timestamps.bind(now))
                .param("job", jobId.value())
                .update();
    }

    @Override
    public List<StepRecord> lapsed(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM steps WHERE status = 'running' AND lease_expires_at < :now ORDER BY lease_expires_at LIMIT :limit")
                .param("now", Timestamps.bind(now))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    @Override
    public boolean giveUp(StepId id, JobError error, Instant now) {
        return jdbc.sql("""
                UPDATE steps SET status = 'failed', error_json = :error, lease_owner = NULL, lease_expires_at = NULL,
                                 finished_at = :now, updated_at = :now
                WHERE id = :id AND status = 'running' AND lease_expires_at < :now""")
                        .param("error", JsonCodec.write(error.toTree()))
                        .param("now", Timestamps.bind(now))
                        .param("id", id.value())
                        .update()
                == 1;
    }

    @Override
    public List<StepRecord> heldBy(String owner, int limit) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM steps WHERE status = 'running' AND lease_owner = :owner ORDER BY lease_expires_at, id LIMIT :limit")
                .param("owner", owner)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    @Override
    public boolean giveUpHeldBy(StepId id, String owner, JobError error, Instant now) {
        return jdbc.sql("""
                UPDATE steps SET status = 'failed', error_json = :error, lease_owner = NULL, lease_expires_at = NULL,
                                 finished_at = :now, updated_at = :now
                WHERE id = :id AND status = 'running' AND lease_owner = :owner""")
                        .param("error", JsonCodec.write(error.toTree()))
                        .param("now", Timestamps.bind(now))
                        .param("id", id.value())
                        .param("owner", owner)
                        .update()
                == 1;
    }

    @Override
    public int redispatchLost(Instant now, Instant dispatchedBefore) {
        int requested = jdbc.sql("""
                INSERT INTO step_dispatches (step_id, queue_name, available_at, created_at)
                SELECT s.id, s.queue_name, :now, :now FROM steps s
                WHERE s.status = 'pending' AND (s.not_before IS NULL OR s.not_before <= :now) AND s.dispatched_at < :before
                  AND NOT EXISTS (SELECT 1 FROM step_dispatches d WHERE d.step_id = s.id)""")
                .param("now", Timestamps.bind(now))
                .param("before", Timestamps.bind(dispatchedBefore))
                .update();
        if (requested > 0) {
            AfterCommit.run(dispatchRequested);
        }
        return requested;
    }

    private StepRecord map(ResultSet rs, int row) throws SQLException {
        String error = rs.getString("error_json");
        String inputs = rs.getString("inputs_json");
        String outputs = rs.getString("outputs_json");
        return new StepRecord(
                new StepId(rs.getString("id")),
                new JobId(rs.getString("job_id")),
                rs.getString("stage"),
                rs.getInt("scene_order"),
                rs.getInt("attempt"),
                WireEnum.require(StepStatus.class, rs.getString("status")),
                WireEnum.require(WorkQueue.class, rs.getString("queue_name")),
                inputs == null ? Map.of() : JsonCodec.parseStoredObject(inputs),
                outputs == null ? Map.of() : JsonCodec.parseStoredObject(outputs),
                StepAssetsJson.read(rs.getString("assets_json")),
                error == null ? null : JobError.fromTree(JsonCodec.parseStoredObject(error)),
                rs.getString("adapter"),
                rs.getString("lease_owner"),
                Timestamps.read(rs, "lease_expires_at"),
                Timestamps.read(rs, "not_before"),
                rs.getInt("claims"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "finished_at"));
    }
}
