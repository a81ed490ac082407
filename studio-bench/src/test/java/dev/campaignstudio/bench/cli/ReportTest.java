package dev.campaignstudio.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bench's report saves exactly what it printed, as {@code out/bench/<bench>-<time>.txt} (docs/engine.md). */
class ReportTest {

    @TempDir
    Path home;

    private String previousHome;

    @BeforeEach
    void installation() {
        previousHome = System.getProperty("studio.home");
        System.setProperty("studio.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) {
            System.clearProperty("studio.home");
        } else {
            System.setProperty("studio.home", previousHome);
        }
    }

    @Test
    void theSavedFileHoldsWhatWasPrintedAndIsNamedAfterTheBenchAndTheTime() throws Exception {
        Report report = new Report("api")
                .format("%nCampaign Studio API benchmark: %d clients, %.1f jobs/s%n", 16, 1234.56)
                .line("  pgbench: not measured");
        StringWriter printed = new StringWriter();

        Path saved = report.printAndSave(new PrintWriter(printed));

        String text = String.format("%nCampaign Studio API benchmark: 16 clients, 1234.6 jobs/s%n")
                + "  pgbench: not measured\n";
        assertThat(report.text()).isEqualTo(text);
        assertThat(printed.toString()).isEqualTo(text + "  figures saved to " + saved + System.lineSeparator());
        assertThat(saved.getParent())
                .isEqualTo(home.resolve("out").resolve("bench").toAbsolutePath());
        assertThat(saved.getFileName().toString()).matches("api-\\d{8}-\\d{6}\\.txt");
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(text);
    }
}
