package dev.campaignstudio.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.support.EmbeddedSystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DataDirectoryPermissionsSystemTest extends EmbeddedSystemTest {

    @Test
    void theDataDirectoryAndTheDatabaseAreReadableByTheirOwnerOnly() throws IOException {
        assertThat(mode(dataDir())).isEqualTo("rwx------");
        Path db = dataDir().resolve("db");
        assertThat(mode(db)).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(db)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the database's files").isNotEmpty();
        for (Path file : files) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void theGeneratedSecretsAreReadableByTheirOwnerOnly() throws IOException {
        Path secret = dataDir().resolve("callback-secret");
        assertThat(secret).exists();
        assertThat(mode(secret)).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
