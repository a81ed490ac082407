package dev.campaignstudio.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own {@code pgbench} running a one-row insert with as many clients, the yardstick of the API benchmark:
 * what the same database accepts when nothing but the insert is asked of it.
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private PgBench() {}

    /** pgbench on the PATH, or null. */
    public static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs {@code INSERT INTO <table>(payload) VALUES (...)} from {@code clients} clients for {@code seconds}.
     *
     * @param jdbcUrl the database, as {@code jdbc:postgresql://host:port/db}
     * @param table   a table with a {@code payload text} column, schema-qualified
     * @return transactions per second, or empty when pgbench failed (its output is printed)
     */
    public static OptionalDouble insertTps(
            Path pgbench, String jdbcUrl, String user, String table, int clients, int seconds)
            throws IOException, InterruptedException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().replaceFirst("^/", "");
        Path script = Files.createTempFile("studio-pgbench", ".sql");
        try {
            Files.writeString(
                    script,
                    "INSERT INTO " + table + " (payload) VALUES ('bench-' || :client_id);\n",
                    StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    pgbench.toString(),
                    "-n",
                    "-c",
                    Integer.toString(clients),
                    "-j",
                    Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())),
                    "-T",
                    Integer.toString(seconds),
                    "-f",
                    script.toString(),
                    "-h",
                    uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
                    "-p",
                    Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                    "-U",
                    user,
                    database));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.err.println("pgbench failed:\n" + output);
                return OptionalDouble.empty();
            }
            Matcher tps = TPS.matcher(output);
            return tps.find() ? OptionalDouble.of(Double.parseDouble(tps.group(1))) : OptionalDouble.empty();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
