package dev.campaignstudio.core.application;

import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.StoredBlob;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes blobs that no asset record names: files of attempts that crashed or were cancelled between writing a blob
 * and committing its row. Writers write the blob first and commit the row after, so a blob younger than the grace
 * period may be a write whose row is on its way, and is left alone; an older one is looked at again (its record, then
 * its last write, which a put of the same content renews) just before it is deleted.
 */
public final class OrphanBlobCollector {

    private static final int BATCH = 200;

    private final BlobStore blobs;
    private final AssetRepository assets;
    private final Duration grace;
    private final Clock clock;

    /**
     * @param grace how old an unreferenced blob must be to be deleted: longer than any write takes from blob to row
     */
    public OrphanBlobCollector(BlobStore blobs, AssetRepository assets, Duration grace, Clock clock) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace period must be positive");
        }
        this.blobs = blobs;
        this.assets = assets;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Looks at every stored blob once and deletes the unreferenced ones older than the grace period.
     *
     * @throws IOException when the store cannot be listed or a blob cannot be deleted (what was deleted stays deleted)
     */
    public Collected collect() throws IOException {
        Instant cutoff = clock.instant().minus(grace);
        long examined = 0;
        long deleted = 0;
        List<String> candidates = new ArrayList<>();
        try (Stream<StoredBlob> listed = blobs.list()) {
            Iterator<StoredBlob> it = listed.iterator();
            while (it.hasNext()) {
                StoredBlob blob = it.next();
                examined++;
                if (blob.lastModified().isBefore(cutoff)) {
                    candidates.add(blob.sha256());
                }
                if (candidates.size() == BATCH) {
                    deleted += sweep(candidates, cutoff);
                    candidates.clear();
                }
            }
        }
        deleted += sweep(candidates, cutoff);
        return new Collected(examined, deleted);
    }

    private long sweep(List<String> candidates, Instant cutoff) throws IOException {
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> referenced = assets.referencedBlobs(candidates);
        long deleted = 0;
        for (String sha256 : candidates) {
            if (referenced.contains(sha256)
                    || !assets.referencedBlobs(List.of(sha256)).isEmpty()) {
                continue;
            }
            Optional<StoredBlob> now = blobs.stat(sha256);
            if (now.isPresent() && now.get().lastModified().isBefore(cutoff) && blobs.delete(sha256)) {
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * What a collection did.
     *
     * @param examined blobs listed
     * @param deleted  unreferenced blobs deleted
     */
    public record Collected(long examined, long deleted) {}
}
