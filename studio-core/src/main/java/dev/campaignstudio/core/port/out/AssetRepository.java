package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.id.JobId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Asset records; their bytes are in the {@link BlobStore}. */
public interface AssetRepository {

    /** Stores a new asset record. */
    void insert(Asset asset);

    /** Stores the record of a file a step attempt made. */
    void insertProduced(Asset asset, JobId jobId, StepId stepId);

    /** The asset with {@code id}, if stored. */
    Optional<Asset> find(AssetId id);

    /** An asset of {@code kind} whose bytes hash to {@code sha256}, if one is stored. */
    Optional<Asset> findByContent(String sha256, AssetKind kind);

    /**
     * Which of these blob hashes some asset record names.
     *
     * @param sha256s at most a few hundred hashes
     * @return the subset that is referenced
     */
    Set<String> referencedBlobs(Collection<String> sha256s);
}
