package dev.campaignstudio.server.adapter.in.cli;

import static dev.campaignstudio.server.adapter.in.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Bad input the command line refuses before it starts anything (one line, exit code 2, no service started), and how it
 * tells a data dir without data or in use.
 */
class CliInputTest {

    @TempDir
    Path temp;

    /** {@code studio generate} of a sample photo in fast_video mode, with {@code more} arguments. */
    private static String[] generate(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "generate",
                "--image",
                Path.of("../samples/aurora-bottle/front.jpg").toString(),
                "--name",
                "X",
                "--prompt",
                "p",
                "--mode",
                "fast_video"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void renderSizesAndFrameRateOutOfRangeAreRefusedNamingTheFlagAndItsRange() {
        String data = temp.resolve("data").toString();
        CliRun video = run("demo", "--video-size", "10", "--data-dir", data);
        assertThat(video.exit()).isEqualTo(2);
        assertThat(video.err())
                .isEqualTo("studio demo: --video-size 10: must be 64 to 3840 pixels" + System.lineSeparator());
        assertThat(video.out()).as("nothing started").isEmpty();

        CliRun image = run("demo", "--image-size", "-1", "--data-dir", data);
        assertThat(image.exit()).isEqualTo(2);
        assertThat(image.err())
                .contains("--image-size -1: must be 64 to 4096 pixels")
                .hasLineCount(1);

        Path gallery = Path.of("out", "x"); // generate's default gallery folder for the product named X
        List<Path> galleries = folders(gallery);
        CliRun fps = run(generate("--fps", "0", "--data-dir", data));
        assertThat(fps.exit()).isEqualTo(2);
        assertThat(fps.err()).contains("--fps 0: must be 1 to 60").hasLineCount(1);
        assertThat(folders(gallery))
                .as("no gallery folder left by a refused run")
                .isEqualTo(galleries);

        CliRun retry = run("retry", "job_x", "--stage", "scene_image", "--fps", "61", "--data-dir", data);
        assertThat(retry.exit()).isEqualTo(2);
        assertThat(retry.err()).contains("--fps 61: must be 1 to 60").hasLineCount(1);
        assertThat(temp.resolve("data")).as("no service started").doesNotExist();
    }

    @Test
    void commandsThatReadJobsRefuseADataDirWithoutStudioDataAndCreateNothing() {
        Path nowhere = temp.resolve("nonexistent/dir/x");
        for (String[] args : List.of(
                new String[] {"jobs"}, new String[] {"job", "job_x"}, new String[] {"events", "job_x"}, new String[] {
                    "retry", "job_x", "--stage", "scene_image"
                })) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data-dir", nowhere.toString()));
            CliRun run = run(all.toArray(String[]::new));
            assertThat(run.exit()).as(all.toString()).isEqualTo(2);
            assertThat(run.err())
                    .as(all.toString())
                    .isEqualTo("studio " + args[0] + ": no Campaign Studio data in " + nowhere
                            + " (is --data-dir right?)" + System.lineSeparator());
        }
        assertThat(temp.resolve("nonexistent")).as("nothing created").doesNotExist();
    }

    @Test
    void aDataDirThatCannotBeCreatedIsOneLineNamingIt() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        CliRun generate = run(generate("--data-dir", file.resolve("x").toString(), "--quiet"));
        assertThat(generate.exit()).isEqualTo(2);
        assertThat(generate.err())
                .startsWith("studio generate: --data-dir " + file.resolve("x") + ": cannot create the data directory (")
                .doesNotContain("Exception")
                .hasLineCount(1);

        Path data = Files.createDirectories(temp.resolve("data-with-a-file"));
        Files.writeString(data.resolve("db"), "x");
        CliRun blocked = run(generate("--data-dir", data.toString(), "--quiet"));
        assertThat(blocked.err())
                .isEqualTo("studio generate: --data-dir " + data + ": cannot create the data directory ("
                        + data.resolve("db") + " is not a directory)" + System.lineSeparator());
    }

    /** An --out that cannot be made is said before any service starts or job runs, not after the jobs. */
    @Test
    void anOutDirThatCannotBeCreatedIsOneLineBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        Path data = temp.resolve("data-for-out");
        CliRun generate = run(generate("--out", file.resolve("gallery").toString(), "--data-dir", data.toString()));
        assertThat(generate.exit()).isEqualTo(2);
        assertThat(generate.err())
                .isEqualTo("studio generate: --out " + file.resolve("gallery") + ": " + file.toAbsolutePath()
                        + " is not a directory" + System.lineSeparator());
        assertThat(data).as("no service was started over the data dir").doesNotExist();

        withProperty("studio.home", "..", () -> {
            CliRun demo = run("demo", "--out", file.resolve("gallery").toString(), "--data-dir", data.toString());
            assertThat(demo.exit()).isEqualTo(2);
            assertThat(demo.err())
                    .isEqualTo("studio demo: --out " + file.resolve("gallery") + ": " + file.toAbsolutePath()
                            + " is not a directory" + System.lineSeparator());
        });
        assertThat(data).doesNotExist();
    }

    @Test
    void aUsageErrorIsItsLineAndWhereToFindHelpNotTheWholeHelp() {
        CliRun duration = run(generate("--duration", "abc"));
        assertThat(duration.exit()).isEqualTo(2);
        assertThat(duration.err().lines())
                .containsExactly(
                        "studio generate: Invalid value for option '--duration': 'abc' is not an int",
                        "Try 'studio generate --help' for more information.");

        String image = Path.of("../samples/aurora-bottle/front.jpg").toString();
        CliRun missing = run("generate", "--image", image, "--prompt", "p", "--mode", "fast_video");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--name").doesNotContain("Usage:").hasLineCount(2);
    }

    @Test
    void theCommandListShowsEachCommandsFirstDescriptionLineAsAWholeSentence() {
        picocli.CommandLine studio = StudioCli.commandLine();
        studio.getSubcommands().forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            assertThat(description[0]).as(name).endsWith(".");
        });
        assertThat(run("--help").out().replaceAll("\\s+", " "))
                .contains("Run the demo: a bundled sample product through creation and all four output modes.");
    }

    @Test
    void anImageThatIsADirectoryIsSaidToBeOne() {
        CliRun directory =
                run("generate", "--image", "../samples", "--name", "X", "--prompt", "p", "--mode", "fast_video");
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err())
                .isEqualTo("studio generate: --image ../samples: is a directory" + System.lineSeparator());
    }

    @Test
    void theDataDirHintIsForH2FindingTheDatabaseInUseNotForAPortInUse() throws Exception {
        Path db = temp.resolve("db/studio");
        String url = "jdbc:h2:file:" + db;
        DriverManager.getConnection(url, "studio", "").close();
        SQLException inUse;
        try (FileChannel file = FileChannel.open(Path.of(db + ".mv.db"), StandardOpenOption.WRITE);
                FileLock lock = file.lock()) {
            inUse = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, "studio", ""));
        }
        assertThat((Throwable) inUse).as("H2 refuses the locked file").isNotNull();
        assertThat(Connection.dataDirInUse(new IllegalStateException("Failed to initialize dependency", inUse)))
                .isTrue();

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BindException bind = catchThrowableOfType(
                    BindException.class,
                    () -> new ServerSocket(taken.getLocalPort(), 1, InetAddress.getLoopbackAddress()).close());
            assertThat(bind).hasMessageContaining("already in use");
            assertThat(Connection.dataDirInUse(
                            new IllegalStateException(new PortInUseException(taken.getLocalPort(), bind))))
                    .isFalse();
        }
        assertThat(Connection.dataDirInUse(new IllegalStateException("x", new SQLException("bad password", "28000"))))
                .isFalse();
    }

    @Test
    void theEmbeddedDatabaseIsTheH2FileUnlessTheDatasourceIsConfiguredElsewhere() throws Exception {
        Path data = temp.resolve("data");
        assertThat(Connection.embeddedDatabase(data))
                .contains(data.toAbsolutePath().resolve("db/studio.mv.db"));

        String postgres = "jdbc:postgresql://127.0.0.1:1/studio";
        withProperty(
                "spring.datasource.url",
                postgres,
                () -> assertThat(Connection.embeddedDatabase(data)).isEmpty());
        withProperty(
                "spring.application.json",
                "{\"spring\": {\"datasource\": {\"url\": \"" + postgres + "\"}}}",
                () -> assertThat(Connection.embeddedDatabase(data)).isEmpty());
        Path config =
                Files.writeString(temp.resolve("studio.yaml"), "spring:\n  datasource:\n    url: " + postgres + "\n");
        withProperty(
                "spring.config.additional-location",
                config.toString(),
                () -> assertThat(Connection.embeddedDatabase(data)).isEmpty());
        Path elsewhere = temp.resolve("elsewhere/studio");
        withProperty(
                "spring.datasource.url",
                "jdbc:h2:file:" + elsewhere + ";MODE=PostgreSQL",
                () -> assertThat(Connection.embeddedDatabase(data)).contains(Path.of(elsewhere + ".mv.db")));
    }

    @Test
    void commandsThatReadJobsUseAConfiguredDatabaseWhateverTheDataDirHolds() {
        Path nowhere = temp.resolve("nonexistent");
        String memory = "jdbc:h2:mem:cli-jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        withProperty("spring.datasource.url", memory, () -> {
            CliRun jobs = run("jobs", "--data-dir", nowhere.toString());
            assertThat(jobs.err()).isEmpty();
            assertThat(jobs.exit()).isZero();
            assertThat(jobs.out()).isEqualTo("no jobs yet" + System.lineSeparator());
        });
    }

    private static void withProperty(String key, String value, ThrowingRunnable check) {
        System.setProperty(key, value);
        try {
            check.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.clearProperty(key);
        }
    }

    private static List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
