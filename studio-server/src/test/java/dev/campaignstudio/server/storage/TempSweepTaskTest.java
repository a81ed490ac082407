package dev.campaignstudio.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.application.TempFileSweeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempSweepTaskTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    private Path written(String name, Duration ago) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), "partial");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(ago)));
        return file;
    }

    @Test
    void whatACrashedProcessLeftIsSweptAsTheNextOneStartsAndRecentFilesAreKept() throws Exception {
        Path upload = written("studio-upload-crashed.part", Duration.ofHours(7));
        Path clip = written("studio-video-crashed.mp4", Duration.ofHours(6).plusMinutes(1));
        Path sharedWriter = written("studio-video-another-process.mp4", Duration.ofMinutes(3));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TempSweepTask task =
                new TempSweepTask(new TempFileSweeper(tmp, Duration.ofHours(6), clock), Duration.ofHours(1));

        task.start();
        try {
            assertThat(upload).doesNotExist();
            assertThat(clip).doesNotExist();
            assertThat(sharedWriter)
                    .as("a file another process sharing the data directory is writing")
                    .exists();
            assertThat(task.isRunning()).isTrue();
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();
    }
}
