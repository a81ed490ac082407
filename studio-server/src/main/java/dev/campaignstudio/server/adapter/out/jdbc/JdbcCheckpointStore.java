package dev.campaignstudio.server.adapter.out.jdbc;

import dev.campaignstudio.core.checkpoint.CheckpointKey;
import dev.campaignstudio.core.checkpoint.ProductCheckpoint;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.server.json.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Product checkpoints in {@code product_checkpoints}, keyed by product, stage and input fingerprint. */
final class JdbcCheckpointStore implements CheckpointStore {

    private final JdbcClient jdbc;

    JdbcCheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProductCheckpoint> find(CheckpointKey key) {
        return jdbc.sql("""
                SELECT product_id, stage, fingerprint, outputs_json, assets_json, adapter, job_id, created_at
                FROM product_checkpoints WHERE product_id = :product AND stage = :stage AND fingerprint = :fingerprint""")
                .param("product", key.productId())
                .param("stage", key.stage())
                .param("fingerprint", key.fingerprint())
                .query(this::map)
                .optional();
    }

    @Override
    public List<ProductCheckpoint> forProduct(String productId) {
        return jdbc.sql("""
                SELECT product_id, stage, fingerprint, outputs_json, assets_json, adapter, job_id, created_at
                FROM product_checkpoints WHERE product_id = :product ORDER BY created_at DESC, stage""").param("product", productId).query(this::map).list();
    }

    @Override
    public void save(ProductCheckpoint checkpoint, StepId stepId) {
        // update, else insert; if a concurrent insert won the race, update the row it made
        if (update(checkpoint, stepId) == 0 && insert(checkpoint, stepId) == 0) {
            update(checkpoint, stepId);
        }
    }

    private int update(ProductCheckpoint checkpoint, StepId stepId) {
        return bind(jdbc.sql("""
                UPDATE product_checkpoints SET outputs_json = :outputs, assets_json = :assets, adapter = :adapter, job_id = :job,
                                               step_id = :step, created_at = :created
                WHERE product_id = :product AND stage = :stage AND fingerprint = :fingerprint"""), checkpoint, stepId).update();
    }

    private int insert(ProductCheckpoint checkpoint, StepId stepId) {
        return bind(jdbc.sql("""
                INSERT INTO product_checkpoints (product_id, stage, fingerprint, outputs_json, assets_json, adapter, job_id, step_id, created_at)
                VALUES (:product, :stage, :fingerprint, :outputs, :assets, :adapter, :job, :step, :created)
                ON CONFLICT DO NOTHING"""), checkpoint, stepId).update();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, ProductCheckpoint checkpoint, StepId stepId) {
        CheckpointKey key = checkpoint.key();
        return statement
                .param("product", key.productId())
                .param("stage", key.stage())
                .param("fingerprint", key.fingerprint())
                .param("outputs", JsonCodec.write(checkpoint.outputs()))
                .param("assets", StepAssetsJson.write(checkpoint.assets()))
                .param("adapter", checkpoint.adapter())
                .param("job", checkpoint.jobId().value())
                .param("step", stepId.value())
                .param("created", Timestamps.bind(checkpoint.createdAt()));
    }

    private ProductCheckpoint map(ResultSet rs, int row) throws SQLException {
        return new ProductCheckpoint(
                new CheckpointKey(rs.getString("product_id"), rs.getString("stage"), rs.getString("fingerprint")),
                JsonCodec.parseStoredObject(rs.getString("outputs_json")),
                StepAssetsJson.read(rs.getString("assets_json")),
                rs.getString("adapter"),
                new JobId(rs.getString("job_id")),
                Timestamps.read(rs, "created_at"));
    }
}
