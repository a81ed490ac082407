package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedIncarnationTest {

    @TempDir
    Path dataDir;

    @Test
    void eachProcessLearnsTheWorkerOfTheProcessBeforeIt() {
        try (EmbeddedIncarnation first = EmbeddedIncarnation.take(dataDir, "host:1:aaa")) {
            assertThat(first.owned()).isTrue();
            assertThat(first.previous()).as("a new data directory").isEmpty();
        }
        try (EmbeddedIncarnation second = EmbeddedIncarnation.take(dataDir, "host:2:bbb")) {
            assertThat(second.previous()).contains("host:1:aaa");
        }
        try (EmbeddedIncarnation third = EmbeddedIncarnation.take(dataDir, "host:3:ccc")) {
            assertThat(third.previous()).contains("host:2:bbb");
        }
    }

    @Test
    void whileAProcessHoldsTheDataDirectoryNoOtherTakesItOrLearnsAnything() throws Exception {
        try (EmbeddedIncarnation live = EmbeddedIncarnation.take(dataDir, "host:1:aaa");
                EmbeddedIncarnation other = EmbeddedIncarnation.take(dataDir, "host:2:bbb")) {
            assertThat(other.owned()).isFalse();
            assertThat(other.previous()).as("the live one is not gone").isEmpty();
            assertThat(Files.readString(dataDir.resolve(EmbeddedIncarnation.FILE))
                            .trim())
                    .isEqualTo("host:1:aaa");
        }
    }
}
