package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.server.StudioApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Where a command's jobs run: a running service ({@code --server URL --token TOKEN}), or by default the embedded
 * service started inside the command (H2 and files under {@code --data-dir}, on a loopback port, stopped when the
 * command ends).
 */
final class Connection {

    /** Settings that keep an in-command service's start quiet: no banner, warnings only, no start-up failure report. */
    static final List<String> QUIET_START = List.of(
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off",
            "--logging.level.org.springframework.boot.SpringApplication=OFF",
            "--logging.level.org.springframework.boot.diagnostics=OFF");

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "A running service to use, e.g. http://localhost:8080 (default: start "
                    + "the embedded service inside this command).")
    URI server;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Bearer token for --server (default: $STUDIO_TOKEN).")
    String token;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Embedded service's database and files (default ./data, shared with "
                    + "'studio serve'; stop a running 'studio serve' first or use --server).")
    Path dataDir;

    /** A session with the service; closing it stops the embedded service (which creates the data dir if need be). */
    Session open(List<String> embeddedSettings) {
        return open(embeddedSettings, false);
    }

    /**
     * A session for a command that reads or resumes jobs made before: embedded, it refuses a data dir that holds no
     * studio database, and creates nothing.
     */
    Session openExisting(List<String> embeddedSettings) {
        return open(embeddedSettings, true);
    }

    private Session open(List<String> embeddedSettings, boolean existing) {
        if (server != null) {
            if (server.getScheme() == null || !server.getScheme().startsWith("http") || server.getHost() == null) {
                throw new CliFailure(
                        CliFailure.BAD_INPUT, "--server must be an http(s) URL, e.g. http://localhost:8080");
            }
            String bearer = token != null ? token : System.getenv("STUDIO_TOKEN");
            if (bearer != null) {
                bearer = bearer.strip();
                if (bearer.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
                    throw new CliFailure(CliFailure.BAD_INPUT, "--token contains spaces or control characters");
                }
            }
            return new Session(new StudioClient(server, bearer), null);
        }
        Path dir = dataDir == null ? Path.of("data") : dataDir;
        if (existing) {
            requireData(dir);
        } else {
            create(dir);
        }
        String generated = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        List<String> args = new ArrayList<>(QUIET_START);
        args.addAll(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--studio.api.tokens=" + generated,
                "--logging.level.dev.campaignstudio=ERROR",
                "--studio.data-dir=" + dir));
        args.addAll(embeddedSettings);
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(StudioApplication.class);
            ServiceProcess.quietStartFailure(application);
            context = application.run(args.toArray(String[]::new));
        } catch (RuntimeException failed) {
            throw new CliFailure(
                    1,
                    "the embedded service did not start: " + StudioCli.describe(failed)
                            + (dataDirInUse(failed)
                                    ? " (is 'studio serve' using the same --data-dir? then use --server)"
                                    : ""));
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Session(new StudioClient(URI.create("http://127.0.0.1:" + port), generated), context);
    }

    /** Refuses a data dir without the embedded database (unless the database is configured elsewhere). */
    private static void requireData(Path dir) {
        if (System.getenv("SPRING_DATASOURCE_URL") == null
                && !Files.isRegularFile(dir.resolve("db").resolve(DATABASE_FILE))) {
            throw new CliFailure(CliFailure.BAD_INPUT, "no Campaign Studio data in " + dir + " (is --data-dir right?)");
        }
    }

    /** Creates the data dir, so that one that cannot be is a line naming it rather than a failed start. */
    private static void create(Path dir) {
        try {
            Files.createDirectories(dir.resolve("db"));
        } catch (IOException e) {
            throw new CliFailure(
                    CliFailure.BAD_INPUT,
                    "--data-dir " + dir + ": cannot create the data directory (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (!(e instanceof FileSystemException fs)) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String why = fs.getReason() != null
                ? fs.getReason()
                : e instanceof AccessDeniedException
                        ? "permission denied"
                        : e instanceof NoSuchFileException
                                ? "no such file or directory"
                                : e instanceof FileAlreadyExistsException ? "not a directory" : "file system error";
        return fs.getFile() + ": " + why;
    }

    /** The embedded H2 database's file under {@code <data dir>/db} (application.yaml's URL). */
    private static final String DATABASE_FILE = "studio.mv.db";

    /** Whether {@code failure} is H2 finding the database in use by another process (its file locked). */
    static boolean dataDirInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && (message.contains("already in use") || message.contains("file is locked"))) {
                return true;
            }
        }
        return false;
    }

    /** H2's error code for "Database may be already in use". */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /** A client and, for the embedded service, its context. */
    record Session(StudioClient client, ConfigurableApplicationContext embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
