package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.contract.JobRequest;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.contract.JobRequestWriter;
import dev.campaignstudio.core.contract.JobType;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.Job;
import dev.campaignstudio.core.job.JobError;
import dev.campaignstudio.core.job.JobStatus;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.port.out.DuplicateIdempotencyKeyException;
import dev.campaignstudio.core.port.out.JobPage;
import dev.campaignstudio.core.port.out.JobQuery;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.server.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Jobs in the {@code jobs} table. The request snapshot is stored as canonical JSON and read back through the contract reader. */
final class JdbcJobRepository implements JobRepository {

    private static final String COLUMNS =
            "id, job_type, status, mode, product_id, parent_job_id, request_hash, request_json, "
                    + "error_json, manifest_json, created_at, updated_at, started_at, finished_at, cancel_requested, owner, "
                    + "trace_parent";

    /** The unique constraint on {@code (owner, idempotency_key)} (migration V6); H2 names its index after it. */
    private static final String IDEMPOTENCY_KEY_CONSTRAINT = "uq_jobs_owner_idempotency_key";

    private final JdbcClient jdbc;
    private final JobRequestReader reader;
    private final JobRequestWriter writer = new JobRequestWriter();

    private final Supplier<String> traceParent;
    /**
     * Requests as read from their stored JSON, by that JSON: the engine reads (and locks) a job's row several times for
     * every step, and reading the request was most of the Java time of it (docs/engine.md "Where the time goes"). A
     * stored request never changes and equal JSON reads as an equal request, so an entry is never stale.
     */
    private final Map<String, JobRequest> requests = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobRequest> eldest) {
            return size() > 512;
        }
    });

    private final JdbcJobTraceParents parents;
    private final SqlDialect dialect;

    JdbcJobRepository(JdbcClient jdbc, SqlDialect dialect, JobRequestReader reader) {
        this(jdbc, dialect, reader, () -> null, null);
    }

    /**
     * @param traceParent the W3C traceparent of the submitting request, kept with each new job (or {@code null})
     * @param parents     told the trace parent of each job row read, or {@code null}
     */
    JdbcJobRepository(
            JdbcClient jdbc,
            SqlDialect dialect,
            JobRequestReader reader,
            Supplier<String> traceParent,
            JdbcJobTraceParents parents) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.traceParent = traceParent;
        this.parents = parents;
    }

    @Override
    public void insert(Job job) {
        var callback = job.request().envelope().callback();
        String request = JsonCodec.write(writer.write(job.request()));
        // PostgreSQL: a replayed key inserts nothing instead of failing, so replays leave no duplicate-key error in
        // the server's log; H2 raises, and only the key's own constraint means "held by another job"
        String onConflict = dialect == SqlDialect.POSTGRESQL ? " ON CONFLICT (owner, idempotency_key) DO NOTHING" : "";
        int inserted;
        try {
            inserted = jdbc.sql("""
                    INSERT INTO jobs (id, job_type, status, mode, product_id, parent_job_id, idempotency_key, request_hash,
                                      request_json, callback_url, callback_secret_ref, created_at, updated_at, owner,
                                      trace_parent)
                    VALUES (:id, :type, :status, :mode, :product, :parent, :key, :hash, :request, :callbackUrl, :secretRef,
                            :created, :updated, :owner, :traceParent)""" + onConflict)
                    .param("owner", job.owner())
                    .param("traceParent", traceParent.get())
                    .param("id", job.id().value())
                    .param("type", job.type().wire())
                    .param("status", job.status().wire())
                    .param("mode", job.mode() == null ? null : job.mode().wire())
                    .param("product", job.productId())
                    .param(
                            "parent",
                            job.parentJobId() == null ? null : job.parentJobId().value())
                    .param("key", job.idempotencyKey())
                    .param("hash", job.requestHash())
                    .param("request", request)
                    .param("callbackUrl", callback == null ? null : callback.url())
                    .param("secretRef", callback == null ? null : callback.effectiveSecretRef())
                    .param("created", Timestamps.bind(job.createdAt()))
                    .param("updated", Timestamps.bind(job.updatedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(IDEMPOTENCY_KEY_CONSTRAINT)) {
                throw e;
            }
            throw new DuplicateIdempotencyKeyException("idempotency key is held by another job", e);
        }
        if (inserted == 0) {
            throw new DuplicateIdempotencyKeyException("idempotency key is held by another job", null);
        }
    }

    @Override
    public Optional<Job> find(JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Job> lock(JobId id) {
        return locked(":id", id.value());
    }

    /** The step's job id and the lock on its row in one statement. */
    @Override
    public Optional<Job> lockJobOf(StepId step, StepStore steps) {
        return locked("(SELECT job_id FROM steps WHERE id = :id)", step.value());
    }

    /** The job whose id is {@code idSql} (binding {@code :id} to {@code id}), its row locked until the transaction ends. */
    private Optional<Job> locked(String idSql, String id) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a job is locked inside a transaction");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = " + idSql + " FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public void update(Job job) {
        int updated = jdbc.sql("""
                UPDATE jobs SET status = :status, started_at = :started, finished_at = :finished, error_json = :error,
                                manifest_json = :manifest, cancel_requested = :cancel, updated_at = :updated
                WHERE id = :id""")
                .param("status", job.status().wire())
                .param("started", Timestamps.bind(job.startedAt()))
                .param("finished", Timestamps.bind(job.finishedAt()))
                .param(
                        "error",
                        job.error() == null ? null : JsonCodec.write(job.error().toTree()))
                .param("manifest", job.manifest() == null ? null : JsonCodec.write(job.manifest()))
                .param("cancel", job.cancelRequested())
                .param("updated", Timestamps.bind(job.updatedAt()))
                .param("id", job.id().value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no job " + job.id() + " to update");
        }
    }

    @Override
    public List<Job> retriesOf(JobId parent) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE parent_job_id = :parent ORDER BY id")
                .param("parent", parent.value())
                .query(this::map)
                .list();
    }

    @Override
    public Optional<Job> findByIdempotencyKey(String owner, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE owner = :owner AND idempotency_key = :key")
                .param("owner", owner)
                .param("key", idempotencyKey)
                .query(this::map)
                .optional();
    }

    @Override
    public JobPage list(JobQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", query.status().wire());
        }
        if (query.type() != null) {
            sql.append(" AND job_type = :type");
            params.put("type", query.type().wire());
        }
        if (query.mode() != null) {
            sql.append(" AND mode = :mode");
            params.put("mode", query.mode().wire());
        }
        if (query.owner() != null) {
            sql.append(" AND owner = :owner");
            params.put("owner", query.owner());
        }
        if (query.productId() != null) {
            sql.append(" AND product_id = :product");
            params.put("product", query.productId());
        }
        if (query.before() != null) {
            sql.append(" AND id < :before");
            params.put("before", query.before().value());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<Job> rows = new ArrayList<>(
                jdbc.sql(sql.toString()).params(params).query(this::map).list());
        if (rows.size() > query.limit()) {
            List<Job> page = rows.subList(0, query.limit());
            return new JobPage(page, page.get(page.size() - 1).id());
        }
        return new JobPage(rows, null);
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        String json = rs.getString("request_json");
        JobRequest request = requests.get(json);
        if (request == null) {
            request = reader.read(JsonCodec.parseStored(json)).orThrow();
            requests.put(json, request);
        }
        String mode = rs.getString("mode");
        String parent = rs.getString("parent_job_id");
        String error = rs.getString("error_json");
        String manifest = rs.getString("manifest_json");
        if (parents != null) {
            parents.seen(rs.getString("id"), rs.getString("trace_parent"));
        }
        return new Job(
                new JobId(rs.getString("id")),
                WireEnum.require(JobType.class, rs.getString("job_type")),
                WireEnum.require(JobStatus.class, rs.getString("status")),
                mode == null ? null : OutputMode.of(mode),
                rs.getString("product_id"),
                parent == null ? null : new JobId(parent),
                request,
                rs.getString("request_hash"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "finished_at"),
                error == null ? null : JobError.fromTree(JsonCodec.parseStoredObject(error)),
                manifest == null ? null : JsonCodec.parseStoredObject(manifest),
                rs.getBoolean("cancel_requested"),
                rs.getString("owner"));
    }
}
