package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Asset records; their bytes are in the {@link BlobStore}. */
public interface AssetRepository {

    /** Stores a new asset record of the default caller. */
    default void insert(Asset asset) {
        insert(asset, dev.campaignstudio.core.job.Job.DEFAULT_OWNER);
    }

    /** Stores a new asset record uploaded by {@code owner}. */
    void insert(Asset asset, String owner);

    /** Stores the record of a file a step attempt made. */
    void insertProduced(Asset asset, JobId jobId, StepId stepId);

    /** The asset with {@code id}, if stored. */
    Optional<Asset> find(AssetId id);

    /**
     * The asset with {@code id} if {@code viewer} owns it (an upload, or a file of its job); {@code viewer} {@code null}
     * (an admin) sees every asset. Filtered in the query.
     */
    Optional<Asset> find(AssetId id, String viewer);

    /** An asset of {@code kind} of the default caller whose bytes hash to {@code sha256}, if one is stored. */
    default Optional<Asset> findByContent(String sha256, AssetKind kind) {
        return findByContent(sha256, kind, dev.campaignstudio.core.job.Job.DEFAULT_OWNER);
    }

    /** An asset of {@code kind} of {@code owner} whose bytes hash to {@code sha256}, if one is stored. */
    Optional<Asset> findByContent(String sha256, AssetKind kind, String owner);

    /**
     * Which of these blob hashes some asset record names.
     *
     * @param sha256s at most a few hundred hashes
     * @return the subset that is referenced
     */
    Set<String> referencedBlobs(Collection<String> sha256s);
}
