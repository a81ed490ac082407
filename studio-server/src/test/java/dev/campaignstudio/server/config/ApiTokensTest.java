package dev.campaignstudio.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class ApiTokensTest {

    private static StudioProperties properties(StudioMode mode, Path dataDir, List<String> tokens) {
        return new StudioProperties(mode, dataDir, new StudioProperties.Api(tokens, DataSize.ofKilobytes(256)), null);
    }

    @Test
    void embeddedModeWithoutTokensGeneratesOneOwnerOnlyFileAndLogsOnlyItsPath(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        ApiTokens tokens = ApiTokens.from(properties(StudioMode.EMBEDDED, dir, List.of()));
        Path file = dir.resolve(ApiTokens.TOKEN_FILE);
        String token = Files.readString(file).trim();
        assertThat(token).startsWith("cs_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(tokens.accepts(token)).isTrue();
        assertThat(tokens.accepts(token + "x")).isFalse();
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(token);

        ApiTokens again = ApiTokens.from(properties(StudioMode.EMBEDDED, dir, List.of()));
        assertThat(again.accepts(token))
                .as("a restart keeps the generated token")
                .isTrue();
    }

    @Test
    void configuredTokensAreTheOnlyOnesAccepted(@TempDir Path dir) {
        ApiTokens tokens = ApiTokens.from(properties(StudioMode.EMBEDDED, dir, List.of("alpha", "beta")));
        assertThat(tokens.accepts("alpha")).isTrue();
        assertThat(tokens.accepts("beta")).isTrue();
        assertThat(tokens.accepts("gamma")).isFalse();
        assertThat(tokens.accepts("")).isFalse();
        assertThat(tokens.accepts(null)).isFalse();
        assertThat(Files.exists(dir.resolve(ApiTokens.TOKEN_FILE))).isFalse();
    }

    @Test
    void distributedModeRequiresConfiguredTokens(@TempDir Path dir) {
        assertThatThrownBy(() -> ApiTokens.from(properties(StudioMode.DISTRIBUTED, dir, List.of())))
                .hasMessageContaining("studio.api.tokens");
    }
}
