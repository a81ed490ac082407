package dev.campaignstudio.core.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the local temporary files that crashed or killed writes left behind in a process's temporary directory
 * ({@code <data-dir>/tmp}): uploads being staged, clips being encoded, videos downloaded for stitching. A file is
 * deleted once it was last written longer ago than the grace period, which is longer than any step or upload takes,
 * so the files of work in progress (being written, or read within a step) are left alone; several processes sharing
 * one data directory may sweep it at once.
 */
public final class TempFileSweeper {

    private final Path directory;
    private final Duration grace;
    private final Clock clock;

    /**
     * @param directory the temporary directory; it need not exist
     * @param grace     how long ago a file must have been last written to be deleted
     * @param clock     the clock the grace is measured by
     */
    public TempFileSweeper(Path directory, Duration grace, Clock clock) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace period must be positive");
        }
        this.directory = directory;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Looks at every file under the directory once and deletes those last written before the grace period.
     *
     * @throws IOException when the directory cannot be listed (what was deleted stays deleted)
     */
    public Swept sweep() throws IOException {
        if (!Files.isDirectory(directory)) {
            return new Swept(0, 0);
        }
        Instant cutoff = clock.instant().minus(grace);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> !p.equals(directory)).toList();
        }
        long examined = 0;
        long deleted = 0;
        for (Path file : files) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException gone) {
                continue;
            }
            if (!attributes.isRegularFile()) {
                continue;
            }
            examined++;
            if (attributes.lastModifiedTime().toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                deleted++;
            }
        }
        return new Swept(examined, deleted);
    }

    /**
     * What one sweep did.
     *
     * @param examined files looked at
     * @param deleted  files deleted
     */
    public record Swept(long examined, long deleted) {}
}
