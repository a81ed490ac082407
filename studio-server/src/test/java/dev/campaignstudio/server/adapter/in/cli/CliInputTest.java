package dev.campaignstudio.server.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input the command line refuses before it starts anything: one line, exit code 2, no service started. */
class CliInputTest {

    @TempDir
    Path temp;

    /** A run's exit code and what it printed. */
    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine line = StudioCli.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void renderSizesAndFrameRateOutOfRangeAreRefusedNamingTheFlagAndItsRange() {
        String data = temp.resolve("data").toString();
        Run video = run("demo", "--video-size", "10", "--data-dir", data);
        assertThat(video.exit()).isEqualTo(2);
        assertThat(video.err())
                .isEqualTo("studio demo: --video-size 10: must be 64 to 3840 pixels" + System.lineSeparator());
        assertThat(video.out()).as("nothing started").isEmpty();

        Run image = run("demo", "--image-size", "-1", "--data-dir", data);
        assertThat(image.exit()).isEqualTo(2);
        assertThat(image.err())
                .contains("--image-size -1: must be 64 to 4096 pixels")
                .hasLineCount(1);

        Run fps = run(
                "generate",
                "--image",
                Path.of("../samples/aurora-bottle/front.jpg").toString(),
                "--name",
                "X",
                "--prompt",
                "p",
                "--mode",
                "fast_video",
                "--fps",
                "0",
                "--data-dir",
                data);
        assertThat(fps.exit()).isEqualTo(2);
        assertThat(fps.err()).contains("--fps 0: must be 1 to 60").hasLineCount(1);

        Run retry = run("retry", "job_x", "--stage", "scene_image", "--fps", "61", "--data-dir", data);
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
            Run run = run(all.toArray(String[]::new));
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
        Run generate = run(
                "generate",
                "--image",
                Path.of("../samples/aurora-bottle/front.jpg").toString(),
                "--name",
                "X",
                "--prompt",
                "p",
                "--mode",
                "fast_video",
                "--data-dir",
                file.resolve("x").toString(),
                "--quiet");
        assertThat(generate.exit()).isEqualTo(2);
        assertThat(generate.err())
                .startsWith("studio generate: --data-dir " + file.resolve("x") + ": cannot create the data directory (")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void aUsageErrorIsItsLineAndWhereToFindHelpNotTheWholeHelp() {
        String image = Path.of("../samples/aurora-bottle/front.jpg").toString();
        Run duration = run(
                "generate",
                "--image",
                image,
                "--name",
                "X",
                "--prompt",
                "p",
                "--mode",
                "fast_video",
                "--duration",
                "abc");
        assertThat(duration.exit()).isEqualTo(2);
        assertThat(duration.err().lines())
                .containsExactly(
                        "studio generate: Invalid value for option '--duration': 'abc' is not an int",
                        "Try 'studio generate --help' for more information.");

        Run missing = run("generate", "--image", image, "--prompt", "p", "--mode", "fast_video");
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
        Run directory =
                run("generate", "--image", "../samples", "--name", "X", "--prompt", "p", "--mode", "fast_video");
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err())
                .isEqualTo("studio generate: --image ../samples: is a directory" + System.lineSeparator());
    }

    @Test
    void theDataDirHintIsOnlyForADatabaseInUse() {
        SQLException locked = new SQLException("Database may be already in use: null", "90020", 90020);
        assertThat(Connection.dataDirInUse(new IllegalStateException("start failed", locked)))
                .isTrue();
        assertThat(Connection.dataDirInUse(new IllegalStateException("fps is 1 to 60")))
                .isFalse();
        assertThat(Connection.dataDirInUse(new IllegalStateException("x", new SQLException("bad password", "28000"))))
                .isFalse();
    }
}
