package dev.campaignstudio.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where benchmarks write: {@code out/bench/} of the installation ({@code studio.home}, set by the launcher), else of
 * the working directory; never the repository root.
 */
public final class BenchOutput {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BenchOutput() {}

    /** The directory, created if missing. */
    public static Path directory() throws IOException {
        String home = System.getProperty("studio.home");
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return Files.createDirectories(root.resolve("out").resolve("bench").toAbsolutePath());
    }

    /** A file in the directory named after the bench and the time, e.g. {@code media-20261204-101500.mp4}. */
    public static Path file(String bench, String extension) throws IOException {
        return directory().resolve(bench + "-" + LocalDateTime.now().format(STAMP) + "." + extension);
    }

    /** Writes what a bench printed next to its other outputs and answers where. */
    public static Path save(String bench, String printed) throws IOException {
        Path file = file(bench, "txt");
        Files.writeString(file, printed, StandardCharsets.UTF_8);
        return file;
    }
}
