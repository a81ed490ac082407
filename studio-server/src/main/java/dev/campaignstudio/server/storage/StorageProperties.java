package dev.campaignstudio.server.storage;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code studio.storage.*} keys: where asset bytes live and how outputs leave (docs/operations.md, "Asset storage").
 *
 * @param type          {@code filesystem} (under {@code <data-dir>/assets}, the default) or {@code s3}
 * @param filesystem    filesystem settings
 * @param s3            S3-compatible store settings
 * @param urlTtl        how long a {@code download_url} works (at most 7 days with S3)
 * @param signingSecret secret of the service's signed download links; with filesystem storage it defaults to one
 *                      generated into {@code <data-dir>/download-link-secret}
 * @param orphanGrace   how old an unreferenced blob must be before the collector deletes it: longer than any write
 *                      takes to commit its row (at least 30 minutes, as a step commits its files' rows when it ends)
 * @param orphanSweep   how often the {@code maintenance} role looks for unreferenced blobs
 * @param tempGrace     how long ago a local temporary file (an upload being staged, a video being encoded or stitched)
 *                      must have been last written before the sweep deletes it: longer than any upload or step takes
 *                      (at least 30 minutes; 6 hours by default)
 * @param tempSweep     how often every process sweeps its {@code <data-dir>/tmp} (and once when it starts)
 */
@ConfigurationProperties("studio.storage")
public record StorageProperties(
        StorageType type,
        Filesystem filesystem,
        S3 s3,
        Duration urlTtl,
        String signingSecret,
        Duration orphanGrace,
        Duration orphanSweep,
        Duration tempGrace,
        Duration tempSweep) {

    /** The shortest grace: a step writes its files as it runs and commits their rows when it ends. */
    public static final Duration MIN_ORPHAN_GRACE = Duration.ofMinutes(30);

    public StorageProperties {
        type = type == null ? StorageType.FILESYSTEM : type;
        filesystem = filesystem == null ? new Filesystem(false) : filesystem;
        s3 = s3 == null ? new S3(null, null, null, false, null, null, null) : s3;
        urlTtl = urlTtl == null ? Duration.ofHours(24) : urlTtl;
        orphanGrace = orphanGrace == null ? Duration.ofHours(1) : orphanGrace;
        orphanSweep = orphanSweep == null ? Duration.ofHours(1) : orphanSweep;
        tempGrace = tempGrace == null ? Duration.ofHours(6) : tempGrace;
        tempSweep = tempSweep == null ? Duration.ofHours(1) : tempSweep;
        if (tempGrace.compareTo(MIN_ORPHAN_GRACE) < 0) {
            throw new IllegalStateException("studio.storage.temp-grace must be at least 30m: longer than a step may "
                    + "run (stages time out after 15 minutes at most) while its local files are read");
        }
        if (tempSweep.isNegative() || tempSweep.isZero()) {
            throw new IllegalStateException("studio.storage.temp-sweep must be positive");
        }
        signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.trim();
        if (urlTtl.isNegative() || urlTtl.isZero()) {
            throw new IllegalStateException("studio.storage.url-ttl must be positive");
        }
        if (orphanGrace.compareTo(MIN_ORPHAN_GRACE) < 0) {
            throw new IllegalStateException(
                    "studio.storage.orphan-grace must be at least 30m: longer than a step may run (stages time "
                            + "out after 15 minutes at most) between writing a file and committing its row");
        }
    }

    /** Where asset bytes live. */
    public enum StorageType {
        /** Files under {@code <data-dir>/assets}. */
        FILESYSTEM,
        /** An S3-compatible bucket. */
        S3
    }

    /**
     * Filesystem settings.
     *
     * @param shared set to {@code true} in distributed mode when every API and worker process mounts the same data
     *               directory; without it distributed mode refuses filesystem storage
     */
    public record Filesystem(boolean shared) {}

    /**
     * S3-compatible store settings; credentials come from the SDK's default chain (e.g. {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY} in the environment), never from here.
     *
     * @param endpoint           the store's URL, or unset for AWS
     * @param bucket             an existing bucket
     * @param region             signing region, {@code us-east-1} by default
     * @param pathStyleAccess    path-style URLs, as most self-hosted stores want
     * @param prefix             prepended to every object key, e.g. {@code assets/}
     * @param partSize           part size of multipart uploads, at least 5MB (16MB by default)
     * @param multipartThreshold files larger than this go up in parts (by default, the part size)
     */
    public record S3(
            URI endpoint,
            String bucket,
            String region,
            boolean pathStyleAccess,
            String prefix,
            DataSize partSize,
            DataSize multipartThreshold) {
        public S3 {
            partSize = partSize == null ? DataSize.ofMegabytes(16) : partSize;
            multipartThreshold = multipartThreshold == null ? partSize : multipartThreshold;
        }
    }
}
