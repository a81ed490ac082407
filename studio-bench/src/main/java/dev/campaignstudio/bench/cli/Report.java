package dev.campaignstudio.bench.cli;

import dev.campaignstudio.bench.BenchOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a bench prints: lines formatted in {@link Locale#ROOT}, printed, then saved as they were printed to
 * {@code out/bench/<bench>-<time>.txt} (docs/engine.md, docs/media.md), with a last line saying where.
 */
final class Report {

    private final String bench;
    private final StringBuilder text = new StringBuilder();

    Report(String bench) {
        this.bench = bench;
    }

    /** Appends {@code String.format(Locale.ROOT, format, args)}; the format carries its own {@code %n}. */
    Report format(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args));
        return this;
    }

    /** Appends the text and a newline. */
    Report line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** What is printed and saved, without the line saying where. */
    String text() {
        return text.toString();
    }

    /** Prints the text, saves it under {@code out/bench/}, prints where and answers the file. */
    Path printAndSave(PrintWriter out) throws IOException {
        String printed = text.toString();
        out.print(printed);
        Path saved = BenchOutput.save(bench, printed);
        out.println("  figures saved to " + saved);
        out.flush();
        return saved;
    }
}
