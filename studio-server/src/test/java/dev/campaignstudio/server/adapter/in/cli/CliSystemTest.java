package dev.campaignstudio.server.adapter.in.cli;

import static dev.campaignstudio.server.adapter.in.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.stage.DriftingImages;
import dev.campaignstudio.server.support.VideoProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command line in-process: the demo embedded (its gallery's every image and video decodes), and every command
 * against a running service ({@code --server}) for exit codes and one-line errors on bad input.
 */
@SpringBootTest(
        classes = {StudioApplication.class, CliSystemTest.Drifting.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CliSystemTest {

    private static final String TOKEN = "cli-token";

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-cli-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> "256");
        registry.add("studio.stages.fps", () -> "8");
        registry.add("studio.capabilities.image", () -> "drift-test");
    }

    @BeforeAll
    static void samples() {
        System.setProperty(
                "studio.home", Path.of("..").toAbsolutePath().normalize().toString());
    }

    @AfterAll
    static void forget() {
        System.clearProperty("studio.home");
    }

    private String[] remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + port, "--token", TOKEN));
        return all.toArray(String[]::new);
    }

    @Test
    void theDemoRunsEmbeddedAndItsGalleryShowsFilesThatDecode() throws Exception {
        Path out = temp.resolve("demo");
        CliRun demo = run(
                "demo",
                "--out",
                out.toString(),
                "--data-dir",
                temp.resolve("data").toString(),
                "--image-size",
                "320",
                "--video-size",
                "256",
                "--fps",
                "8",
                "--quiet");

        assertThat(demo.exit()).as(demo.err()).isZero();
        Path index = out.resolve("index.html");
        String html = Files.readString(index);
        assertThat(html)
                .contains(
                        "Aurora Water Bottle",
                        "Product identity",
                        "image_bundle",
                        "fast_video",
                        "script_video",
                        "ugc",
                        "Fidelity",
                        "Stages",
                        "<video");
        Matcher sources = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        int videos = 0;
        while (sources.find()) {
            Path file = out.resolve(sources.group(1));
            assertThat(file).as(sources.group(1)).exists();
            if (file.toString().endsWith(".png") || file.toString().endsWith(".jpg")) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image).as(file + " decodes").isNotNull();
                images++;
            } else if (file.toString().endsWith(".mp4")) {
                VideoProbe video = VideoProbe.of(Files.readAllBytes(file));
                assertThat(video.frames()).as(file + " has frames").isPositive();
                videos++;
            }
        }
        assertThat(images)
                .as("cut-out, sheet, bundle images, contact sheet, scene images")
                .isGreaterThanOrEqualTo(10);
        assertThat(videos).as("fast, script and UGC videos").isGreaterThanOrEqualTo(3);
    }

    @Test
    void badInputGetsOneLineNamingTheFlagOrFileAndExitCodeTwo() throws Exception {
        CliRun missing = run(
                "generate",
                "--image",
                temp.resolve("nope.png").toString(),
                "--name",
                "Mug",
                "--prompt",
                "p",
                "--mode",
                "fast_video");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err())
                .contains("--image")
                .contains("nope.png")
                .contains("no such file")
                .doesNotContain("Exception")
                .hasLineCount(1);

        Path text = Files.writeString(temp.resolve("notes.png"), "not an image");
        CliRun unreadable = run(remote(
                "generate", "--image", text.toString(), "--name", "Mug", "--prompt", "p", "--mode", "fast_video"));
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err())
                .contains("notes.png")
                .doesNotContain("Exception")
                .hasLineCount(1);

        CliRun mode = run("generate", "--image", text.toString(), "--name", "Mug", "--prompt", "p", "--mode", "poster");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode poster").contains("image_bundle, fast_video, script_video, ugc");

        CliRun duration = run(
                "generate",
                "--image",
                text.toString(),
                "--name",
                "Mug",
                "--prompt",
                "p",
                "--mode",
                "fast_video",
                "--duration",
                "-5");
        assertThat(duration.exit()).isEqualTo(2);
        assertThat(duration.err()).contains("--duration");

        CliRun usage = run("generate", "--image", text.toString(), "--prompt", "p", "--mode", "fast_video");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--name");

        CliRun tooLong = run(remote(
                "generate",
                "--image",
                Path.of("../samples/kiln-mug/angled.jpg").toString(),
                "--name",
                "Mug",
                "--prompt",
                "p",
                "--mode",
                "fast_video",
                "--duration",
                "600"));
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err())
                .contains("the service refused the job: /settings/duration_s: must be at most")
                .hasLineCount(1);

        CliRun noJob = run(remote("job", "job_nope"));
        assertThat(noJob.exit()).isEqualTo(2);
        assertThat(noJob.err()).contains("no such job");

        CliRun noEvents = run(remote("events", "nope"));
        assertThat(noEvents.exit()).isEqualTo(2);
        assertThat(noEvents.err()).isEqualTo("studio events: no job nope" + System.lineSeparator());
    }

    @Test
    void anUnreachableServiceExitsFourAndAFailedJobExitsThreeNamingStageSceneAndCode() throws Exception {
        CliRun away = run("jobs", "--server", "http://127.0.0.1:1", "--token", "x");
        assertThat(away.exit()).isEqualTo(4);
        assertThat(away.err()).contains("cannot reach the service").hasLineCount(1);

        Path out = temp.resolve("drift");
        CliRun failed = run(remote(
                "generate",
                "--image",
                Path.of("../samples/kiln-mug/angled.jpg").toString(),
                "--name",
                "Kiln Mug",
                "--prompt",
                "Cosy " + DriftingImages.ALWAYS,
                "--mode",
                "image_bundle",
                "--scenes",
                "1",
                "--out",
                out.toString(),
                "--quiet"));
        assertThat(failed.exit()).as(failed.err()).isEqualTo(3);
        assertThat(failed.err())
                .contains("scene_image scene 1")
                .contains("FIDELITY_DRIFT")
                .hasLineCount(1);
        assertThat(out.resolve("index.html"))
                .as("the gallery shows what was made, and the failure")
                .exists();

        CliRun listed = run(remote("jobs", "--limit", "5"));
        assertThat(listed.exit()).isZero();
        String jobId = listed.out()
                .lines()
                .filter(l -> l.contains("failed"))
                .findFirst()
                .orElseThrow()
                .split("\\s+")[0];

        CliRun shown = run(remote("job", jobId));
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("FIDELITY_DRIFT").contains("scene_image");

        CliRun events = run(remote("events", jobId));
        assertThat(events.exit()).isZero();
        assertThat(events.out()).contains("check 0.").contains("failed");

        CliRun farScene = run(remote("retry", jobId, "--stage", "scene_image", "--scene", "99"));
        assertThat(farScene.exit()).isEqualTo(2);
        assertThat(farScene.err())
                .as("the job's scene count, not the request's bound")
                .isEqualTo("studio retry: --scene 99: job " + jobId + " has 1 scene" + System.lineSeparator());

        CliRun retried = run(remote(
                "retry", jobId, "--stage", "scene_image", "--scene", "1", "--prompt", "Cosy evenings", "--quiet"));
        assertThat(retried.exit()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("succeeded");
        assertThat(run(remote("job", jobId)).out()).contains("retries:");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command :
                List.of("demo", "generate", "jobs", "job", "retry", "events", "providers", "serve", "worker")) {
            CliRun help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: studio " + command);
        }
        assertThat(run("--help").out()).contains("demo", "generate", "retry", "events", "providers");
    }

    @Test
    void providersListsEveryCapabilityWithItsAdapter() {
        CliRun providers =
                run("providers", "--data-dir", temp.resolve("providers").toString());
        assertThat(providers.exit()).as(providers.err()).isZero();
        assertThat(providers.out())
                .contains("capability")
                .containsPattern("image\\s+local\\s+in process")
                .containsPattern("link_reader\\s+web");
    }

    /** The image adapter that drifts when the prompt says so. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Drifting {

        @Bean
        CapabilityAdapter driftingImages(LocalMedia local) {
            return new DriftingImages(local);
        }
    }
}
