package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.server.StudioApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Option;

/**
 * Where a command's jobs run: a running service ({@code --server URL --token TOKEN}), or by default the embedded
 * service started inside the command (H2 and files under {@code --data-dir}, on a loopback port, stopped when the
 * command ends).
 */
final class Connection {

    /** The service inside a command logs warnings only: the command reports its progress. */
    static final String WARNINGS_ONLY = "--logging.level.root=WARN";

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
        List<String> args = new ArrayList<>(List.of(
                WARNINGS_ONLY,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--studio.api.tokens=" + generated,
                "--logging.level.dev.campaignstudio=ERROR",
                "--studio.data-dir=" + dir));
        args.addAll(embeddedSettings);
        ConfigurableApplicationContext context;
        try {
            context = QuietStart.run(new SpringApplication(StudioApplication.class), args);
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

    /**
     * Refuses a data dir without the embedded database, when the service's database is the embedded one: when its
     * datasource URL as the service would see it (from the environment, system properties, SPRING_APPLICATION_JSON,
     * configuration files and profiles) is an H2 file.
     */
    private static void requireData(Path dir) {
        embeddedDatabase(dir).filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new CliFailure(
                    CliFailure.BAD_INPUT,
                    file.startsWith(dir.toAbsolutePath().normalize())
                            ? "no Campaign Studio data in " + dir + " (is --data-dir right?)"
                            : "no Campaign Studio database at " + file + " (is spring.datasource.url right?)");
        });
    }

    /**
     * The file of the H2 database the service would open with {@code dir} as its data dir, or empty when its datasource
     * is not an H2 file (e.g. PostgreSQL from SPRING_DATASOURCE_URL).
     */
    static Optional<Path> embeddedDatabase(Path dir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "studioCli",
                        Map.of(
                                "studio.data-dir",
                                dir.toAbsolutePath().normalize().toString())));
        String url;
        try {
            new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
            ConfigDataEnvironmentPostProcessor.applyTo(environment);
            url = environment.getProperty("spring.datasource.url", "");
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the service's start will say what is wrong with the configuration
        }
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int options = url.indexOf(';');
        String name = url.substring(H2_FILE.length(), options < 0 ? url.length() : options);
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }

    /** How an H2 file database's URL starts (application.yaml's, under the data dir). */
    private static final String H2_FILE = "jdbc:h2:file:";

    /** Creates the data dir, so that one that cannot be is a line naming it rather than a failed start. */
    private static void create(Path dir) {
        try {
            Files.createDirectories(dir.resolve("db"));
        } catch (FileAlreadyExistsException e) {
            // what createDirectories means by it: a file where a directory should be
            throw new CliFailure(
                    CliFailure.BAD_INPUT,
                    "--data-dir " + dir + ": cannot create the data directory (" + e.getFile()
                            + " is not a directory)");
        } catch (IOException e) {
            throw new CliFailure(
                    CliFailure.BAD_INPUT,
                    "--data-dir " + dir + ": cannot create the data directory (" + StudioCli.describe(e) + ")");
        }
    }

    /**
     * Whether {@code failure} is H2 finding the database in use by another process (its file locked): by H2's error
     * code, not by a message, which a port in use ("Address already in use") would match too.
     */
    static boolean dataDirInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

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
