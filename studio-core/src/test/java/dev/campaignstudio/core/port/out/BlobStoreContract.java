package dev.campaignstudio.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.fixtures.InMemoryAssets;
import dev.campaignstudio.core.fixtures.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} promises, run on each implementation (the in-memory fake, the filesystem, S3): a subclass
 * says how to make a fresh, empty store.
 */
public abstract class BlobStoreContract {

    @TempDir
    protected Path temp;

    protected BlobStore store;

    /** A fresh store holding no blob. */
    protected abstract BlobStore newStore() throws Exception;

    /** Size of the blob that must stream through (larger than one part of a multipart upload, where there are parts). */
    protected long largeBlobBytes() {
        return 3 * 1024 * 1024 + 17;
    }

    @BeforeEach
    void freshStore() throws Exception {
        store = newStore();
    }

    @Test
    void bytesPutAreReadBackWhole() throws Exception {
        byte[] data = "a product photo".getBytes(StandardCharsets.UTF_8);
        store.put(data, Sha256.hex(data));

        assertThat(read(store.open(Sha256.hex(data)))).isEqualTo(data);
        assertThat(store.contains(Sha256.hex(data))).isTrue();
    }

    @Test
    void aFilePutIsReadBackWholeAndTheFileIsLeftInPlace() throws Exception {
        byte[] data = "a short clip".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(temp.resolve("clip.mp4"), data);
        store.put(file, Sha256.hex(data));

        assertThat(read(store.open(Sha256.hex(data)))).isEqualTo(data);
        assertThat(file).exists().hasBinaryContent(data);
    }

    @Test
    void aLargeFileStreamsInAndOutUnchanged() throws Exception {
        Path file = temp.resolve("large.bin");
        String sha256 = writeRandom(file, largeBlobBytes(), 42);
        store.put(file, sha256);

        MessageDigest digest = Sha256.digest();
        long total = 0;
        try (InputStream in = store.open(sha256)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        assertThat(total).isEqualTo(largeBlobBytes());
        assertThat(Sha256.hex(digest)).isEqualTo(sha256);
        assertThat(listed())
                .singleElement()
                .satisfies(b -> assertThat(b.bytes()).isEqualTo(largeBlobBytes()));
    }

    @Test
    void aRangeReadReturnsExactlyThoseBytes() throws Exception {
        Path file = temp.resolve("large.bin");
        String sha256 = writeRandom(file, largeBlobBytes(), 7);
        store.put(file, sha256);
        byte[] all = Files.readAllBytes(file);
        long middle = largeBlobBytes() / 2;

        assertThat(read(store.open(sha256, middle - 10, 100)))
                .isEqualTo(Arrays.copyOfRange(all, (int) middle - 10, (int) middle + 90));
        assertThat(read(store.open(sha256, 0, 1))).isEqualTo(new byte[] {all[0]});
        assertThat(read(store.open(sha256, all.length - 5, 5)))
                .isEqualTo(Arrays.copyOfRange(all, all.length - 5, all.length));
        assertThat(read(store.open(sha256, all.length - 5, 50)))
                .as("a range past the end stops at the end")
                .isEqualTo(Arrays.copyOfRange(all, all.length - 5, all.length));
    }

    @Test
    void theSameContentStoredTwiceIsOneBlob() throws Exception {
        byte[] data = "same".getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(data);
        store.put(data, sha256);
        store.put(Files.write(temp.resolve("same"), data), sha256);
        store.put(data, sha256);

        assertThat(listed()).extracting(StoredBlob::sha256).containsExactly(sha256);
        assertThat(read(store.open(sha256))).isEqualTo(data);
    }

    @Test
    void aMissingBlobIsNotFoundRatherThanEmpty() throws Exception {
        String missing = Sha256.hex("never stored");

        assertThat(store.contains(missing)).isFalse();
        assertThatThrownBy(() -> store.open(missing).close()).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(missing, 0, 10).close()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void statTellsTheSizeAndLastWriteOfAStoredBlobAndNothingOfAMissingOne() throws Exception {
        Instant before = Instant.now().minusSeconds(120);
        byte[] data = "stat me".getBytes(StandardCharsets.UTF_8);
        store.put(data, Sha256.hex(data));

        StoredBlob stored = store.stat(Sha256.hex(data)).orElseThrow();
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(data));
        assertThat(stored.bytes()).isEqualTo(data.length);
        assertThat(stored.lastModified()).isAfter(before);
        assertThat(store.stat(Sha256.hex("absent"))).isEmpty();
    }

    @Test
    void theListingShowsEveryBlobWithItsSizeAndWhenItWasWritten() throws Exception {
        Instant before = Instant.now().minusSeconds(120);
        byte[] one = "one".getBytes(StandardCharsets.UTF_8);
        byte[] two = "two, longer".getBytes(StandardCharsets.UTF_8);
        store.put(one, Sha256.hex(one));
        store.put(two, Sha256.hex(two));

        List<StoredBlob> listed = listed();
        assertThat(listed).extracting(StoredBlob::sha256).containsExactlyInAnyOrder(Sha256.hex(one), Sha256.hex(two));
        assertThat(listed)
                .filteredOn(b -> b.sha256().equals(Sha256.hex(two)))
                .singleElement()
                .satisfies(b -> assertThat(b.bytes()).isEqualTo(two.length));
        assertThat(listed).allSatisfy(b -> assertThat(b.lastModified()).isAfter(before));
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainSaysSo() throws Exception {
        byte[] keep = "keep".getBytes(StandardCharsets.UTF_8);
        byte[] drop = "drop".getBytes(StandardCharsets.UTF_8);
        store.put(keep, Sha256.hex(keep));
        store.put(drop, Sha256.hex(drop));

        assertThat(store.delete(Sha256.hex(drop))).isTrue();
        assertThat(store.delete(Sha256.hex(drop))).isFalse();
        assertThat(store.contains(Sha256.hex(drop))).isFalse();
        assertThat(listed()).extracting(StoredBlob::sha256).containsExactly(Sha256.hex(keep));
    }

    @Test
    void theOrphanCollectorDeletesWhatNoRecordNamesAndKeepsTheRest() throws Exception {
        byte[] orphan = "left by a crashed attempt".getBytes(StandardCharsets.UTF_8);
        byte[] output = "an output".getBytes(StandardCharsets.UTF_8);
        store.put(orphan, Sha256.hex(orphan));
        store.put(output, Sha256.hex(output));
        MutableClock clock = new MutableClock(Instant.now());
        InMemoryAssets records = new InMemoryAssets(clock);
        records.insertProduced(
                new Asset(
                        AssetId.next(clock),
                        AssetKind.DATA,
                        "text/plain",
                        Sha256.hex(output),
                        output.length,
                        null,
                        null,
                        null,
                        clock.instant()),
                null,
                null);

        assertThat(new OrphanBlobCollector(store, records, Duration.ofHours(1), clock)
                        .collect()
                        .deleted())
                .as("within the grace")
                .isZero();
        clock.advance(Duration.ofHours(2));
        OrphanBlobCollector.Collected collected =
                new OrphanBlobCollector(store, records, Duration.ofHours(1), clock).collect();

        assertThat(collected.deleted()).isEqualTo(1);
        assertThat(listed()).extracting(StoredBlob::sha256).containsExactly(Sha256.hex(output));
    }

    @Test
    void aNameThatIsNotAHashIsRefusedBeforeAnythingIsTouched() {
        for (String bad :
                List.of("../../etc/passwd", "ABCDEF", "", Sha256.hex("x").toUpperCase())) {
            assertThatThrownBy(() -> store.open(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(new byte[] {1}, bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The blobs the store lists now. */
    protected List<StoredBlob> listed() throws IOException {
        try (Stream<StoredBlob> blobs = store.list()) {
            return blobs.toList();
        }
    }

    /** Writes {@code size} seeded random bytes to {@code file} without holding them in memory; returns their hash. */
    protected static String writeRandom(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[65536];
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                random.nextBytes(buffer);
                int n = (int) Math.min(buffer.length, left);
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
        return Sha256.hex(digest);
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
