package dev.campaignstudio.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.bench.cli.BenchCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks run small from this module's classpath: the engine's in embedded mode (a Spring Boot service of
 * studio-server started from here), the media one with both ffmpeg yardsticks, whose videos are decoded.
 */
class BenchSystemTest {

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
    void theEngineBenchmarkRunsEmbeddedAndSavesItsFigures() throws Exception {
        Run run = BenchCliTest.run("engine", "--mode", "embedded", "--jobs", "4", "--steps", "2", "--warmup", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .as("steps, then submit, execute and overall, three pairs of percentiles, and the backlog's two rates")
                .containsPattern(
                        "(?m)^embedded\\s+8(\\s+\\d+\\.\\d){3} \\|(\\s+\\d+\\.\\d){2} \\|(\\s+\\d+\\.\\d){2} \\|"
                                + "(\\s+\\d+\\.\\d){2} \\|(\\s+\\d+\\.\\d){2}$")
                .as("embedded mode uses no PostgreSQL or RabbitMQ, so their CPU is not counted")
                .containsPattern("(?m)^embedded\\s+backlog CPU per step: this JVM \\d+\\.\\d\\d ms,"
                        + " PostgreSQL not used, RabbitMQ not used$");
        Matcher saved = Pattern.compile("figures saved to (\\S+)").matcher(run.out());
        assertThat(saved.find()).isTrue();
        Path figures = Path.of(saved.group(1));
        assertThat(figures).startsWith(home.resolve("out").resolve("bench"));
        assertThat(Files.readString(figures)).contains("engine benchmark: 4 jobs x 2 no-op steps");
    }

    @Test
    void theMediaBenchmarkMakesTheVideoAndRunsTheSameStitchOnTheFfmpegCommandLine() throws Exception {
        Path video = home.resolve("small.mp4");
        Run run = BenchCliTest.run(
                "media",
                "--width",
                "180",
                "--height",
                "320",
                "--scenes",
                "3",
                "--scene-seconds",
                "1",
                "--workers",
                "2",
                "--out",
                video.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "3 scenes, 3.0 s of video, 2 scenes at once",
                        "scene images and clips",
                        "stitch (decode, compose, captions, mix, encode)");
        assertDecodes(video, 3.0);
        if (run.out().contains("ffmpeg command line: not measured")) {
            assertThat(run.out()).as("says what to install").contains("apt-get install -y libpulse0 libva2 libva-drm2");
        } else {
            assertThat(run.out())
                    .containsPattern("whole video / ffmpeg encode of the final frames: +\\d+\\.\\d\\d")
                    .containsPattern("stitch / ffmpeg same stitch: +\\d+\\.\\d\\d");
            assertDecodes(video.resolveSibling("ffmpeg-stitch-small.mp4"), 3.0);
        }
    }

    /** The video decodes: 180x320, about {@code seconds} long, with sound. */
    private static void assertDecodes(Path mp4, double seconds) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).as(mp4.toString()).isEqualTo(180);
            assertThat(grabber.getImageHeight()).isEqualTo(320);
            assertThat(grabber.getAudioChannels()).as("sound").isEqualTo(1);
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames / 30.0).as("frames of %s", mp4).isCloseTo(seconds, within(1 / 30.0 + 1e-9));
        }
    }
}
