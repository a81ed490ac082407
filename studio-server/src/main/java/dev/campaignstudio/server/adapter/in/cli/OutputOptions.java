package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.core.stage.RenderSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** How a command that runs jobs reports: progress style, JSON, and the embedded service's render sizes. */
final class OutputOptions {

    @Option(names = "--quiet", description = "Print only the result (or the error).")
    boolean quiet;

    @Option(
            names = "--json",
            description = "Print the finished jobs as JSON instead of the gallery path (implies --quiet).")
    boolean json;

    @Option(
            names = "--image-size",
            paramLabel = "PX",
            description = "Embedded service: longer side of still images (default 2048).")
    Integer imageSize;

    @Option(
            names = "--video-size",
            paramLabel = "PX",
            description = "Embedded service: longer side of video frames (default 1920, so 1080x1920).")
    Integer videoSize;

    @Option(names = "--fps", paramLabel = "N", description = "Embedded service: video frame rate (default 30).")
    Integer fps;

    /** Refuses a render size or frame rate the service would refuse to start with (RenderSettings' bounds). */
    void check() {
        within("--image-size", imageSize, RenderSettings.MIN_LONG_SIDE, RenderSettings.MAX_IMAGE_LONG_SIDE, " pixels");
        within("--video-size", videoSize, RenderSettings.MIN_LONG_SIDE, RenderSettings.MAX_VIDEO_LONG_SIDE, " pixels");
        within("--fps", fps, 1, RenderSettings.MAX_FPS, " frames per second");
    }

    private static void within(String flag, Integer value, int min, int max, String unit) {
        if (value != null && (value < min || value > max)) {
            throw new CliFailure(CliFailure.BAD_INPUT, flag + " " + value + ": must be " + min + " to " + max + unit);
        }
    }

    /** The embedded service's settings these options ask for (checked first). */
    List<String> embeddedSettings() {
        check();
        List<String> settings = new ArrayList<>();
        if (imageSize != null) {
            settings.add("--studio.stages.image-long-side=" + imageSize);
        }
        if (videoSize != null) {
            settings.add("--studio.stages.video-long-side=" + videoSize);
        }
        if (fps != null) {
            settings.add("--studio.stages.fps=" + fps);
        }
        return settings;
    }

    JobWatcher.Style style() {
        return JobWatcher.styleFor(quiet || json);
    }

    /** Prints the finished jobs as one JSON object by label. */
    static void printJson(PrintWriter out, Map<String, JsonNode> jobs) {
        out.println(StudioClient.pretty(jobs));
    }
}
