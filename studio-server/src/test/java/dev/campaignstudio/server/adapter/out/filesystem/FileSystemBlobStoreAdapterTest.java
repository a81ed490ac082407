package dev.campaignstudio.server.adapter.out.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.BlobStoreContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The filesystem store keeps the blob store's contract, on a real directory. */
class FileSystemBlobStoreAdapterTest extends BlobStoreContract {

    private Path root;

    @Override
    protected BlobStore newStore() {
        root = temp.resolve("assets");
        return new FileSystemBlobStore(root);
    }

    @Test
    void puttingStoredContentAgainMarksItWrittenNowWithoutRewritingIt() throws Exception {
        byte[] data = "kept".getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(data);
        store.put(data, sha256);
        Path blob = root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
        Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        store.put(Files.write(temp.resolve("again"), data), sha256);

        assertThat(store.stat(sha256).orElseThrow().lastModified())
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(blob).hasBinaryContent(data);
    }

    @Test
    void blobDirectoriesAreReadableByTheirOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        byte[] data = "private".getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(data);
        store.put(data, sha256);

        Path blob = root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
        for (Path directory : new Path[] {root, blob.getParent().getParent(), blob.getParent()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                    .as(directory.toString())
                    .isEqualTo("rwx------");
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(blob);
        }
    }
}
