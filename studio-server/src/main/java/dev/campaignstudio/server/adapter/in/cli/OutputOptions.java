package dev.campaignstudio.server.adapter.in.cli;

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

    /** The embedded service's settings these options ask for. */
    List<String> embeddedSettings() {
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
