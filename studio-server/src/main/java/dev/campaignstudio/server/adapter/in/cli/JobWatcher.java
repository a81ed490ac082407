package dev.campaignstudio.server.adapter.in.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Follows jobs to their end and shows their progress: on a terminal, a bar per job redrawn in place (stage, scene,
 * steps done); otherwise one plain line per step change and fidelity check, for logs and pipes; or nothing.
 */
final class JobWatcher {

    /** How progress is shown. */
    enum Style {
        /** Bars redrawn in place. */
        BARS,
        /** A line per change. */
        LINES,
        /** Nothing. */
        QUIET
    }

    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");
    private static final int BAR = 24;

    private final StudioClient client;
    private final PrintWriter out;
    private final Style style;
    private final long pollMs;
    private int drawn;

    JobWatcher(StudioClient client, PrintWriter out, Style style, long pollMs) {
        this.client = client;
        this.out = out;
        this.style = style;
        this.pollMs = pollMs;
    }

    /** The style for this process: bars on a terminal, lines otherwise, nothing when asked to be quiet. */
    static Style styleFor(boolean quiet) {
        return quiet ? Style.QUIET : terminal() ? Style.BARS : Style.LINES;
    }

    /** Whether standard output is a terminal (from JDK 22 a console exists for redirected output too: ask it). */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    private static final class Followed {
        final String id;
        final String label;
        long after;
        int percent;
        String stage = "queued";
        String scene = "";
        int done;
        JsonNode job;

        Followed(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /**
     * Waits until every job has ended.
     *
     * @param labels job id to a short label, e.g. {@code fast_video}
     * @return each job as it ended, by id
     */
    Map<String, JsonNode> await(Map<String, String> labels) throws InterruptedException {
        List<Followed> jobs = new ArrayList<>();
        labels.forEach((id, label) -> jobs.add(new Followed(id, label)));
        while (true) {
            boolean running = false;
            for (Followed job : jobs) {
                if (job.job != null && ENDED.contains(job.job.get("status").asString())) {
                    continue;
                }
                poll(job);
                running |= !ENDED.contains(job.job.get("status").asString());
            }
            if (style == Style.BARS) {
                draw(jobs);
            }
            if (!running) {
                break;
            }
            Thread.sleep(pollMs);
        }
        Map<String, JsonNode> ended = new LinkedHashMap<>();
        jobs.forEach(j -> ended.put(j.id, j.job));
        return ended;
    }

    private void poll(Followed job) {
        readEvents(job);
        job.job = client.job(job.id);
        if (ENDED.contains(job.job.get("status").asString())) {
            // the job may have ended between reading its events and reading it: take the last ones too
            readEvents(job);
        }
        job.done = 0;
        for (JsonNode step : job.job.get("steps")) {
            String status = step.get("status").asString();
            if (status.equals("succeeded") || status.equals("reused")) {
                job.done++;
            }
        }
    }

    /** Shows the job's events since the last one shown, every page of them. */
    private void readEvents(Followed job) {
        JsonNode events;
        do {
            events = client.events(job.id, job.after);
            for (JsonNode event : events.get("items")) {
                job.after = event.get("sequence").asLong();
                show(job, event);
            }
        } while (events.get("items").size() >= 100);
    }

    private void show(Followed job, JsonNode event) {
        String type = event.get("type").asString();
        JsonNode data = event.get("data");
        if (type.equals("progress")) {
            job.percent = data.path("percent").asInt(job.percent);
            job.stage = data.path("stage").asString(job.stage);
            job.scene = data.path("scene_order").isNumber()
                    ? " scene " + data.get("scene_order").asInt()
                    : "";
            if (style == Style.LINES) {
                String what = data.has("note")
                        ? data.get("note").path("message").asString("")
                        : data.path("status").asString("");
                out.printf("%-14s %3d%%  %s%s %s%n", job.label, job.percent, job.stage, job.scene, what);
            }
        } else if (style == Style.LINES
                && ENDED.contains(
                        type.equals("completed")
                                ? "succeeded"
                                : type.equals("failed") ? "failed" : type.equals("cancelled") ? "cancelled" : "")) {
            out.printf("%-14s %s%n", job.label, type);
        }
    }

    private void draw(List<Followed> jobs) {
        StringBuilder frame = new StringBuilder();
        if (drawn > 0) {
            frame.append("\033[").append(drawn).append('A');
        }
        for (Followed job : jobs) {
            String status = job.job == null ? "queued" : job.job.get("status").asString();
            int percent = status.equals("succeeded") ? 100 : job.percent;
            int filled = percent * BAR / 100;
            frame.append("\r\033[2K")
                    .append(String.format(
                            "%-14s [%s%s] %3d%%  %-9s %s%s  (%d steps done)%n",
                            job.label,
                            "#".repeat(filled),
                            "-".repeat(BAR - filled),
                            percent,
                            status,
                            ENDED.contains(status) ? "" : job.stage,
                            ENDED.contains(status) ? "" : job.scene,
                            job.done));
        }
        drawn = jobs.size();
        out.print(frame);
        out.flush();
    }

    /** A failed job's error in one line: stage, scene, code and message. */
    static String failure(String label, JsonNode job) {
        JsonNode error = job.path("error");
        String where = error.path("stage").isString()
                ? " at " + error.get("stage").asString()
                        + (error.path("scene_order").isNumber()
                                ? " scene " + error.get("scene_order").asInt()
                                : "")
                : "";
        return label + " " + job.get("status").asString() + where + ": "
                + error.path("code").asString("") + " " + error.path("message").asString("");
    }
}
