package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.DuplicateContentException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Asset records in the {@code assets} table. Uploads are deduplicated by content through a unique key. */
final class JdbcAssetRepository implements AssetRepository {

    private static final Set<AssetKind> DEDUPLICATED = Set.of(AssetKind.UPLOAD);
    private static final String COLUMNS =
            "id, kind, media_type, sha256, size_bytes, width, height, duration_ms, created_at";

    private final JdbcClient jdbc;

    JdbcAssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Asset asset, String owner) {
        insert(asset, null, null, owner);
    }

    @Override
    public void insertProduced(Asset asset, JobId jobId, StepId stepId) {
        insert(asset, jobId, stepId, null);
    }

    /** {@code owner} {@code null}: the owner of {@code jobId}. */
    private void insert(Asset asset, JobId jobId, StepId stepId, String owner) {
        try {
            jdbc.sql("""
                    INSERT INTO assets (id, kind, media_type, sha256, size_bytes, width, height, duration_ms, dedupe_key, job_id, step_id,
                                        created_at, owner)
                    VALUES (:id, :kind, :type, :sha, :size, :width, :height, :duration, :dedupe, :job, :step, :created,
                            COALESCE(CAST(:owner AS VARCHAR(64)),
                                     (SELECT j.owner FROM jobs j WHERE j.id = CAST(:job AS VARCHAR(40))), 'api'))""")
                    .param("owner", owner)
                    .param("job", jobId == null ? null : jobId.value())
                    .param("step", stepId == null ? null : stepId.value())
                    .param("id", asset.id().value())
                    .param("kind", asset.kind().wire())
                    .param("type", asset.mediaType())
                    .param("sha", asset.sha256())
                    .param("size", asset.bytes())
                    .param("width", asset.width())
                    .param("height", asset.height())
                    .param("duration", asset.durationMs())
                    .param(
                            "dedupe",
                            DEDUPLICATED.contains(asset.kind()) ? asset.kind().wire() + ":" + asset.sha256() : null)
                    .param("created", Timestamps.bind(asset.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateContentException("an asset with the same content is stored", e);
        }
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assets WHERE id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Asset> find(AssetId id, String viewer) {
        if (viewer == null) {
            return find(id);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM assets WHERE id = :id AND owner = :owner")
                .param("id", id.value())
                .param("owner", viewer)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Asset> findByContent(String sha256, AssetKind kind, String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assets WHERE sha256 = :sha AND kind = :kind AND owner = :owner"
                        + " ORDER BY id LIMIT 1")
                .param("sha", sha256)
                .param("kind", kind.wire())
                .param("owner", owner)
                .query(this::map)
                .optional();
    }

    @Override
    public Set<String> referencedBlobs(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT sha256 FROM assets WHERE sha256 IN (:shas)")
                .param("shas", List.copyOf(sha256s))
                .query(String.class)
                .list());
    }

    private Asset map(ResultSet rs, int row) throws SQLException {
        return new Asset(
                new AssetId(rs.getString("id")),
                WireEnum.require(AssetKind.class, rs.getString("kind")),
                rs.getString("media_type"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                (Integer) rs.getObject("width", Integer.class),
                (Integer) rs.getObject("height", Integer.class),
                (Long) rs.getObject("duration_ms", Long.class),
                Timestamps.read(rs, "created_at"));
    }
}
