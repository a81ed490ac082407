package dev.campaignstudio.server.adapter.in.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code studio generate}: one output for the user's own product, with the same gallery as the demo. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Make one output of your own product: its identity first (reused when the product was made before), then the mode.",
            "Writes the files and an index.html under out/<product>/<time>/ (or --out)."
        })
final class GenerateCommand implements Callable<Integer> {

    static final List<String> MODES = List.of("image_bundle", "fast_video", "script_video", "ugc");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--image",
            paramLabel = "PHOTO",
            required = true,
            description = "A product photo (PNG, JPEG or WebP); repeat for more views, best first.")
    List<Path> images;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "The product's name.")
    String name;

    @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "The campaign instruction.")
    String prompt;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            required = true,
            description = "image_bundle, fast_video, script_video or ugc.")
    String mode;

    @Option(names = "--aspect", paramLabel = "W:H", description = "9:16, 1:1, 4:5 or 16:9 (default: the mode's).")
    String aspect;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "Length of a video (bounds per mode: docs/modes.md).")
    Integer duration;

    @Option(names = "--scenes", paramLabel = "N", description = "Number of scenes, images or segments.")
    Integer scenes;

    @Option(names = "--script", paramLabel = "FILE", description = "script_video: the script to speak, as plain text.")
    Path script;

    @Option(
            names = "--link",
            paramLabel = "URL",
            description = "The product's page, for its facts (Open Graph, schema.org).")
    String link;

    @Option(names = "--product-id", paramLabel = "ID", description = "Your id for the product (default: from --name).")
    String productId;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default out/<product>/<time>).")
    Path out;

    @Mixin
    OutputOptions output;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = settings();
        for (Path image : images) {
            if (!Files.isRegularFile(image)) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--image " + image + ": " + notAFile(image));
            }
        }
        if (link != null && !(link.startsWith("http://") || link.startsWith("https://"))) {
            throw new CliFailure(CliFailure.BAD_INPUT, "--link must be an http(s) URL");
        }
        String id = productId != null ? productId : slug(name);
        Path dir = Gallery.checkWritable(
                out != null
                        ? out
                        : Path.of(
                                "out", id, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        PrintWriter print = spec.commandLine().getOut();
        try (Connection.Session session = connection.open(output.embeddedSettings())) {
            StudioClient client = session.client();
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("product_id", id);
            product.put("name", name);
            List<Map<String, Object>> uploaded = new ArrayList<>();
            for (Path image : images) {
                uploaded.add(Map.of("uri", "asset:" + client.upload(image)));
            }
            product.put("images", uploaded);
            if (link != null) {
                product.put("link", URI.create(link).toString());
            }
            JobWatcher watcher = new JobWatcher(client, print, output.style(), 250);
            JsonNode job = client.submit(Jobs.output(product, mode, prompt, settings));
            Map<String, JsonNode> ended = watcher.await(Map.of(job.get("id").asString(), mode));
            JsonNode done = ended.values().iterator().next();
            Path page = Gallery.write(client, dir, name, done, Map.of(mode, done));
            if (output.json) {
                OutputOptions.printJson(print, Map.of(mode, done));
            } else {
                print.println(page.toAbsolutePath());
            }
            if (!"succeeded".equals(done.get("status").asString())) {
                throw new CliFailure(CliFailure.JOB_FAILED, JobWatcher.failure(mode, done));
            }
        }
        return 0;
    }

    /** The settings the flags ask for, checked here where the flag can be named. */
    private Map<String, Object> settings() throws IOException {
        if (!MODES.contains(mode)) {
            throw new CliFailure(
                    CliFailure.BAD_INPUT, "--mode " + mode + ": unknown mode; use one of " + String.join(", ", MODES));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (aspect != null) {
            if (!List.of("9:16", "1:1", "4:5", "16:9").contains(aspect)) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--aspect " + aspect + ": use 9:16, 1:1, 4:5 or 16:9");
            }
            settings.put("aspect", aspect);
        }
        if (duration != null) {
            if (duration <= 0) {
                throw new CliFailure(
                        CliFailure.BAD_INPUT, "--duration must be a positive number of seconds, not " + duration);
            }
            settings.put("duration_s", duration);
        }
        if (scenes != null) {
            if (scenes <= 0) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--scenes must be 1 or more, not " + scenes);
            }
            settings.put("scene_count", scenes);
        }
        if (script != null) {
            if (!Files.isRegularFile(script)) {
                throw new CliFailure(CliFailure.BAD_INPUT, "--script " + script + ": " + notAFile(script));
            }
            settings.put("script", Files.readString(script, StandardCharsets.UTF_8));
        }
        return settings;
    }

    static String slug(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "product" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /** Why {@code path}, not a regular file, cannot be read as one. */
    static String notAFile(Path path) {
        return Files.isDirectory(path) ? "is a directory" : Files.exists(path) ? "not a regular file" : "no such file";
    }
}
