package dev.campaignstudio.server.adapter.in.cli;

import dev.campaignstudio.core.contract.Limits;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code studio jobs}, {@code job}, {@code retry} and {@code events}: look at jobs and resume them. */
final class JobCommands {

    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");

    private JobCommands() {}

    /** {@code studio jobs}: the latest jobs, a line each. */
    @Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the latest jobs, newest first.")
    static final class ListJobs implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", paramLabel = "N", description = "How many (1-100, default 20).")
        int limit = 20;

        @Option(names = "--json", description = "Print the page as JSON.")
        boolean json;

        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 100) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--limit must be 1 to 100");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Connection.Session session = connection.openExisting(java.util.List.of())) {
                JsonNode page = session.client().jobs(limit);
                if (json) {
                    out.println(StudioClient.pretty(page));
                    return 0;
                }
                if (page.path("items").isEmpty()) {
                    out.println("no jobs yet");
                }
                for (JsonNode job : page.path("items")) {
                    out.printf(
                            "%-30s %-18s %-13s %-10s %s%n",
                            job.path("id").asString(),
                            job.path("job_type").asString(),
                            job.path("mode").asString("-"),
                            job.path("status").asString(),
                            job.path("created_at").asString());
                }
            }
            return 0;
        }
    }

    /** {@code studio job ID}: a job's steps, scores and files. */
    @Command(
            name = "job",
            mixinStandardHelpOptions = true,
            description = "Show a job: its steps, fidelity scores and files.")
    static final class ShowJob implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The job id.")
        String id;

        @Option(names = "--json", description = "Print the job as JSON.")
        boolean json;

        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Connection.Session session = connection.openExisting(java.util.List.of())) {
                JsonNode job = session.client().job(id);
                if (json) {
                    out.println(StudioClient.pretty(job));
                    return 0;
                }
                describe(out, job);
            }
            return 0;
        }
    }

    static void describe(PrintWriter out, JsonNode job) {
        out.printf(
                "%s  %s %s  %s%n",
                job.path("id").asString(),
                job.path("job_type").asString(),
                job.path("mode").asString(""),
                job.path("status").asString());
        if (job.path("error").isObject()) {
            out.println("error: " + JobWatcher.failure("job", job));
        }
        out.println("steps:");
        for (JsonNode step : job.path("steps")) {
            out.printf(
                    "  %-18s %-6s %-10s attempt %d  %s%n",
                    step.path("stage").asString(),
                    step.path("scene_order").isNumber()
                            ? "#" + step.get("scene_order").asInt()
                            : "",
                    step.path("status").asString(),
                    step.path("attempt").asInt(),
                    step.path("adapter").asString(""));
        }
        JsonNode fidelity = job.path("manifest").path("fidelity").path("images");
        if (fidelity.size() > 0) {
            out.println("fidelity:");
            for (JsonNode image : fidelity) {
                out.printf(
                        "  %-18s %-6s %-10s %.2f (threshold %.2f, %d attempts)%n",
                        image.path("stage").asString(),
                        image.path("scene_order").isNumber()
                                ? "#" + image.get("scene_order").asInt()
                                : "",
                        image.path("subject").asString(),
                        image.path("score").asDouble(),
                        image.path("threshold").asDouble(),
                        image.path("attempts").asInt());
            }
        }
        if (job.path("manifest").path("outputs").size() > 0) {
            out.println("files:");
            for (JsonNode file : job.path("manifest").path("outputs")) {
                out.printf(
                        "  %-16s %-6s %-12s %s%n",
                        file.path("role").asString(),
                        file.path("scene_order").isNumber()
                                ? "#" + file.get("scene_order").asInt()
                                : "",
                        file.path("media_type").asString(),
                        file.path("url").asString());
            }
        }
        if (job.path("retries").size() > 0) {
            out.println("retries:");
            job.path("retries")
                    .forEach(r -> out.printf(
                            "  %s %s%n",
                            r.path("id").asString(), r.path("status").asString()));
        }
    }

    /** {@code studio retry ID --stage STAGE [--scene N]}: resume a job from a stage or a scene. */
    @Command(
            name = "retry",
            mixinStandardHelpOptions = true,
            description = {
                "Resume a finished job from a stage (or a scene), keeping every output before it; wait, print it.",
                "A per-scene stage can be resumed from one scene (--scene); see docs/retries.md."
            })
    static final class Retry implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The job to resume.")
        String id;

        @Option(
                names = "--stage",
                paramLabel = "STAGE",
                required = true,
                description = "The stage to run again from, e.g. scene_image.")
        String stage;

        @Option(
                names = "--scene",
                paramLabel = "N",
                description = "For per-scene stages: the first scene to make again.")
        Integer scene;

        @Option(names = "--prompt", paramLabel = "TEXT", description = "A new prompt, used from the stage on.")
        String prompt;

        @Mixin
        OutputOptions output;

        @Mixin
        Connection connection;

        @Override
        public Integer call() throws InterruptedException {
            if (scene != null && scene < 1) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--scene must be 1 or more");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Connection.Session session = connection.openExisting(output.embeddedSettings())) {
                if (scene != null && scene > Limits.SCENE_ORDER_MAX) {
                    // the request's bound would be the service's answer: the job's own scene count is the useful one
                    JsonNode scenes = session.client()
                            .job(id)
                            .path("request")
                            .path("settings")
                            .path("scene_count");
                    if (scenes.isInt()) {
                        throw new CliFailure(
                                CliFailure.BAD_INPUT,
                                "--scene " + scene + ": job " + id + " has " + scenes.asInt()
                                        + (scenes.asInt() == 1 ? " scene" : " scenes"));
                    }
                }
                JsonNode job = session.client().submit(Jobs.retry(id, stage, scene, prompt));
                JsonNode done = new JobWatcher(session.client(), out, output.style(), 250)
                        .await(Map.of(job.get("id").asString(), "retry"))
                        .values()
                        .iterator()
                        .next();
                if (output.json) {
                    out.println(StudioClient.pretty(done));
                } else {
                    describe(out, done);
                }
                if (!"succeeded".equals(done.get("status").asString())) {
                    throw new CliFailure(
                            CliFailure.JOB_FAILED,
                            JobWatcher.failure("retry " + done.get("id").asString(), done));
                }
            }
            return 0;
        }
    }

    /** {@code studio events ID [--follow]}: a job's lifecycle events. */
    @Command(
            name = "events",
            mixinStandardHelpOptions = true,
            description = "Print a job's events, one line each; --follow waits for more until it ends.")
    static final class Events implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The job id.")
        String id;

        @Option(names = "--follow", description = "Keep printing new events until the job has ended.")
        boolean follow;

        @Option(names = "--json", description = "Print each event as a JSON line.")
        boolean json;

        @Mixin
        Connection connection;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (Connection.Session session = connection.openExisting(java.util.List.of())) {
                long after = 0;
                while (true) {
                    JsonNode page = session.client().events(id, after);
                    for (JsonNode event : page.path("items")) {
                        after = event.path("sequence").asLong();
                        if (json) {
                            out.println(StudioClient.JSON.writeValueAsString(event));
                        } else {
                            JsonNode data = event.path("data");
                            String detail = data.has("note")
                                    ? data.get("note").path("message").asString("")
                                    : data.has("stage")
                                            ? data.path("stage").asString()
                                                    + (data.path("scene_order").isNumber()
                                                            ? " scene "
                                                                    + data.get("scene_order")
                                                                            .asInt()
                                                            : "")
                                                    + " " + data.path("status").asString()
                                            : data.has("error")
                                                    ? data.get("error")
                                                                    .path("code")
                                                                    .asString() + " "
                                                            + data.get("error")
                                                                    .path("message")
                                                                    .asString()
                                                    : "";
                            out.printf(
                                    "%5d %s %-9s %s%n",
                                    event.path("sequence").asLong(),
                                    event.path("occurred_at").asString(),
                                    event.path("type").asString(),
                                    detail);
                        }
                    }
                    out.flush();
                    boolean more = page.path("items").size() >= 100;
                    if (!more
                            && (!follow
                                    || ENDED.contains(page.path("job_status").asString()))) {
                        return 0;
                    }
                    if (!more) {
                        Thread.sleep(500);
                    }
                }
            }
        }
    }
}
