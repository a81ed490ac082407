package dev.campaignstudio.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFileSweeperTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @TempDir
    Path dataDir;

    private Path written(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "partial bytes of " + file.getFileName());
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        return file;
    }

    @Test
    void filesOfCrashedWritesAreDeletedOnceOlderThanTheGraceAndFilesStillBeingWrittenAreKept() throws Exception {
        Path tmp = dataDir.resolve("tmp");
        TempFileSweeper sweeper = new TempFileSweeper(tmp, Duration.ofHours(1), clock);
        Path upload = written(tmp.resolve("studio-upload-1.part"));
        Path clip = written(tmp.resolve("studio-video-2.mp4"));
        Path encoding = written(tmp.resolve("studio-video-3.mp4"));

        clock.advance(Duration.ofMinutes(59));
        assertThat(sweeper.sweep()).isEqualTo(new TempFileSweeper.Swept(3, 0));

        written(encoding);
        clock.advance(Duration.ofMinutes(2));
        TempFileSweeper.Swept swept = sweeper.sweep();

        assertThat(swept).isEqualTo(new TempFileSweeper.Swept(3, 2));
        assertThat(upload).doesNotExist();
        assertThat(clip).doesNotExist();
        assertThat(encoding).as("written a minute ago: a write in progress").exists();
        assertThat(tmp).isDirectory();
    }

    @Test
    void filesInSubdirectoriesAreSweptAndTheDirectoriesKept() throws Exception {
        Path tmp = dataDir.resolve("tmp");
        Path nested = written(tmp.resolve("cache").resolve("image-check.bin"));
        clock.advance(Duration.ofHours(3));

        assertThat(new TempFileSweeper(tmp, Duration.ofHours(1), clock).sweep().deleted())
                .isEqualTo(1);
        assertThat(nested).doesNotExist();
        assertThat(tmp.resolve("cache")).isDirectory();
    }

    @Test
    void aDirectoryThatDoesNotExistYetHasNothingToSweep() throws Exception {
        TempFileSweeper sweeper = new TempFileSweeper(dataDir.resolve("never-made"), Duration.ofHours(1), clock);

        assertThat(sweeper.sweep()).isEqualTo(new TempFileSweeper.Swept(0, 0));
    }
}
