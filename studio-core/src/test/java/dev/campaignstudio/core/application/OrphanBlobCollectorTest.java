package dev.campaignstudio.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.fixtures.InMemoryAssets;
import dev.campaignstudio.core.fixtures.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrphanBlobCollectorTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final InMemoryAssets store = new InMemoryAssets(clock);
    private final OrphanBlobCollector collector = new OrphanBlobCollector(store, store, Duration.ofHours(1), clock);

    private String blob(String content) throws Exception {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        store.put(data, Sha256.hex(data));
        return Sha256.hex(data);
    }

    private void record(String sha256) {
        store.insertProduced(
                new Asset(AssetId.next(clock), AssetKind.IMAGE, "image/png", sha256, 4, 1, 1, null, clock.instant()),
                null,
                null);
    }

    @Test
    void anUnreferencedBlobOlderThanTheGraceIsDeletedAndAReferencedOneIsKept() throws Exception {
        String orphan = blob("written by a crashed attempt");
        String kept = blob("an output");
        record(kept);
        clock.advance(Duration.ofMinutes(61));

        OrphanBlobCollector.Collected collected = collector.collect();

        assertThat(collected.examined()).isEqualTo(2);
        assertThat(collected.deleted()).isEqualTo(1);
        assertThat(store.contains(orphan)).isFalse();
        assertThat(store.contains(kept)).isTrue();
    }

    @Test
    void aBlobWhoseRowHasNotCommittedYetIsSparedWithinTheGrace() throws Exception {
        String inFlight = blob("written a moment ago, row on its way");
        clock.advance(Duration.ofMinutes(59));

        assertThat(collector.collect().deleted()).isZero();
        assertThat(store.contains(inFlight)).isTrue();

        record(inFlight);
        clock.advance(Duration.ofHours(5));
        assertThat(collector.collect().deleted())
                .as("its row committed: it is referenced now")
                .isZero();
        assertThat(store.contains(inFlight)).isTrue();
    }

    @Test
    void writingTheSameContentAgainRestartsItsGrace() throws Exception {
        String reused = blob("deterministic output");
        clock.advance(Duration.ofHours(2));
        blob("deterministic output");
        clock.advance(Duration.ofMinutes(30));

        assertThat(collector.collect().deleted())
                .as("a new writer's row may be on its way")
                .isZero();
        assertThat(store.contains(reused)).isTrue();

        clock.advance(Duration.ofMinutes(31));
        assertThat(collector.collect().deleted()).isEqualTo(1);
        assertThat(store.contains(reused)).isFalse();
    }

    @Test
    void manyOrphansAreCollectedInBatches() throws Exception {
        for (int i = 0; i < 450; i++) {
            blob("orphan " + i);
        }
        String kept = blob("kept");
        record(kept);
        clock.advance(Duration.ofHours(2));

        assertThat(collector.collect().deleted()).isEqualTo(450);
        assertThat(store.blobCount()).isEqualTo(1);
    }
}
