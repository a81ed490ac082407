package dev.campaignstudio.core.capability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * The local directory where adapters and stages write files too large to hold in memory: a clip while it is encoded,
 * a clip downloaded from the asset store to be stitched. Files are created owner-only; whoever creates one deletes it
 * when done, and files a crashed process left behind are swept once older than a grace period (docs/operations.md,
 * "Local temporary files").
 */
public final class TempFiles {

    private final Path directory;

    /** @param directory where the files go; created when the first file is */
    public TempFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The JVM's temporary directory, for tools and tests that run without a data directory. */
    public static TempFiles system() {
        return new TempFiles(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Where the files go. */
    public Path directory() {
        return directory;
    }

    /**
     * Creates an empty file, readable and writable by this process's user only.
     *
     * @param prefix what it is, e.g. {@code studio-video}
     * @param suffix its extension, e.g. {@code .mp4}
     * @throws IOException when the directory cannot be created or written
     */
    public Path create(String prefix, String suffix) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, prefix, suffix);
    }

    /** Deletes a file if it is there; a file that cannot be deleted is left to the sweep. */
    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // swept later
        }
    }

    /** Deletes the local files behind {@code media} (those kept in memory have none). */
    public static void delete(Collection<MediaFile> media) {
        for (MediaFile file : media) {
            if (file != null) {
                delete(file.file());
            }
        }
    }
}
