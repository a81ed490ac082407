package dev.campaignstudio.server.adapter.in.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes what jobs made into a folder with an {@code index.html} to look at it: the product identity (cut-out,
 * character sheet, palette, storyboard seeds), then per output job every image, every video with a player, the script
 * or storyboard, the fidelity scores and the time each stage took. Files are downloaded next to the page, so the folder
 * can be opened, zipped or copied anywhere.
 */
final class Gallery {

    /** Intermediate images worth showing besides a job's outputs. */
    private static final Set<String> SHOWN_ROLES = Set.of("scene_image", "segment_image", "close_up_image");
    /** Stages whose outputs are the words of an output. */
    private static final List<String> WORDS = List.of("storyboard", "concepts", "script", "brief", "script_storyboard");

    private final StudioClient client;
    private final Path dir;
    private final StringBuilder html = new StringBuilder();
    private final Map<String, String> saved = new LinkedHashMap<>();

    private Gallery(StudioClient client, Path dir) {
        this.client = client;
        this.dir = dir;
    }

    /**
     * Checks, before any work starts, that the gallery can be written under {@code dir}: so an {@code --out} that cannot
     * be is one line at once rather than after the jobs have run. Creates nothing (a command that stops early leaves no
     * empty folder): the nearest existing folder on the way must be a writable directory.
     */
    static Path checkWritable(Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CliFailure(CliFailure.BAD_INPUT, "--out " + dir + ": " + existing + " is not a directory");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new CliFailure(CliFailure.BAD_INPUT, "--out " + dir + ": " + existing + " is not writable");
        }
        return dir;
    }

    /**
     * Writes the gallery.
     *
     * @param title    the page's heading
     * @param identity the product's creation job, or {@code null}
     * @param outputs  output jobs by label, as they ended
     * @return the page
     */
    static Path write(StudioClient client, Path dir, String title, JsonNode identity, Map<String, JsonNode> outputs) {
        try {
            Files.createDirectories(dir);
            Gallery gallery = new Gallery(client, dir);
            gallery.page(title, identity, outputs);
            Path index = dir.resolve("index.html");
            Files.writeString(index, gallery.html, StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new CliFailure(CliFailure.BAD_INPUT, "cannot write the gallery under " + dir + ": " + e.getMessage());
        }
    }

    private void page(String title, JsonNode identity, Map<String, JsonNode> outputs) {
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title))
                .append("</title><style>")
                .append(
                        "body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#222;background:#fafafa}h1{margin:0 0 1rem}")
                .append(
                        "section{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1.5rem}")
                .append(
                        ".row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}figure{margin:0}figcaption{font-size:12px;color:#666}")
                .append("img,video{max-height:360px;max-width:100%;border:1px solid #ddd;background:#fff}")
                .append(
                        ".swatch{display:inline-block;width:56px;height:56px;border-radius:6px;border:1px solid #ccc;margin-right:6px}")
                .append(
                        "table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #eee;padding:3px 10px;text-align:left}")
                .append(
                        "pre{background:#f4f4f4;padding:.75rem;overflow:auto;max-height:320px;font-size:12px}.failed{color:#b00020}")
                .append("</style></head><body><h1>")
                .append(esc(title))
                .append("</h1>");
        if (identity != null) {
            identity(identity);
        }
        outputs.forEach(this::output);
        html.append("</body></html>\n");
    }

    private void identity(JsonNode job) {
        html.append("<section><h2>Product identity</h2>");
        JsonNode id = job.path("manifest").path("result").path("identity");
        if (id.isMissingNode()) {
            id = fromSteps(job);
        }
        if (id == null) {
            html.append("<p class=\"failed\">")
                    .append(esc(JobWatcher.failure("creation", job)))
                    .append("</p></section>");
            return;
        }
        html.append("<div class=\"row\">");
        figure(id.path("neutral_image").path("asset_id").asString(), "identity", "neutral cut-out");
        figure(id.path("character_sheet").path("asset_id").asString(), "identity", "character sheet");
        html.append("</div><h3>Palette</h3><p>");
        for (JsonNode colour : id.path("metadata").path("palette")) {
            String hex = colour.path("hex").asString();
            if (!hex.matches("#[0-9a-fA-F]{6}")) {
                continue;
            }
            html.append("<span class=\"swatch\" title=\"")
                    .append(esc(hex))
                    .append("\" style=\"background:")
                    .append(esc(hex))
                    .append("\"></span>");
        }
        html.append("</p><h3>Storyboard seeds</h3><pre>")
                .append(esc(pretty(id.path("storyboard_seeds"))))
                .append("</pre>");
        timings(job);
        html.append("</section>");
    }

    /** An output job's identity, from its identity steps (made or reused); {@code null} when they did not finish. */
    private static JsonNode fromSteps(JsonNode job) {
        tools.jackson.databind.node.ObjectNode id = StudioClient.JSON.createObjectNode();
        for (JsonNode step : job.path("steps")) {
            if (!step.path("status").asString().matches("succeeded|reused")) {
                continue;
            }
            JsonNode outputs = step.path("outputs");
            switch (step.path("stage").asString()) {
                case "neutral_image" ->
                    id.putObject("neutral_image")
                            .put("asset_id", outputs.path("neutral_image").asString());
                case "character_sheet" ->
                    id.putObject("character_sheet")
                            .put("asset_id", outputs.path("character_sheet").asString());
                case "metadata" -> id.set("metadata", outputs);
                case "storyboard_seeds" -> id.set("storyboard_seeds", outputs.path("concepts"));
                default -> {}
            }
        }
        return id.has("neutral_image") ? id : null;
    }

    private void output(String label, JsonNode job) {
        html.append("<section><h2>").append(esc(label)).append("</h2>");
        if (!"succeeded".equals(job.path("status").asString())) {
            html.append("<p class=\"failed\">")
                    .append(esc(JobWatcher.failure(label, job)))
                    .append("</p>");
        }
        JsonNode manifest = job.path("manifest");
        html.append("<div class=\"row\">");
        for (JsonNode file : manifest.path("outputs")) {
            if (file.path("role").asString().endsWith("_background")) {
                continue;
            }
            figure(
                    file.path("asset_id").asString(),
                    label,
                    caption(file.path("role").asString(), file.path("scene_order")));
        }
        html.append("</div>");
        List<String> shown = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            for (JsonNode asset : step.path("outputs").path("assets")) {
                if (SHOWN_ROLES.contains(asset.path("role").asString())
                        && step.path("status").asString().matches("succeeded|reused")) {
                    shown.add(asset.path("asset_id").asString() + "|"
                            + caption(asset.path("role").asString(), step.path("scene_order")));
                }
            }
        }
        if (!shown.isEmpty()) {
            html.append("<h3>Scene images</h3><div class=\"row\">");
            shown.forEach(s -> figure(s.substring(0, s.indexOf('|')), label, s.substring(s.indexOf('|') + 1)));
            html.append("</div>");
        }
        for (JsonNode stage : manifest.path("stages")) {
            if (WORDS.contains(stage.path("stage").asString())) {
                JsonNode outputs = stage.path("outputs").deepCopy();
                if (outputs.isObject()) {
                    ((tools.jackson.databind.node.ObjectNode) outputs)
                            .remove(List.of("file", "fingerprint", "revision"));
                }
                html.append("<h3>")
                        .append(esc(stage.path("stage").asString()))
                        .append("</h3><pre>")
                        .append(esc(pretty(outputs)))
                        .append("</pre>");
            }
        }
        JsonNode fidelity = manifest.path("fidelity").path("images");
        if (fidelity.size() > 0) {
            html.append(
                            "<h3>Fidelity</h3><table><tr><th>stage</th><th>scene</th><th>image</th><th>score</th><th>threshold</th>")
                    .append("<th>attempts</th></tr>");
            for (JsonNode image : fidelity) {
                html.append("<tr><td>")
                        .append(esc(image.path("stage").asString()))
                        .append("</td><td>")
                        .append(
                                image.path("scene_order").isNumber()
                                        ? image.get("scene_order").asInt()
                                        : "")
                        .append("</td><td>")
                        .append(esc(image.path("subject").asString()))
                        .append("</td><td>")
                        .append(image.path("score").asDouble())
                        .append("</td><td>")
                        .append(image.path("threshold").asDouble())
                        .append("</td><td>")
                        .append(image.path("attempts").asInt())
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        timings(job);
        html.append("</section>");
    }

    private void timings(JsonNode job) {
        html.append(
                "<h3>Stages</h3><table><tr><th>stage</th><th>scene</th><th>status</th><th>adapter</th><th>ms</th></tr>");
        for (JsonNode step : job.path("steps")) {
            html.append("<tr><td>")
                    .append(esc(step.path("stage").asString()))
                    .append("</td><td>")
                    .append(
                            step.path("scene_order").isNumber()
                                    ? step.get("scene_order").asInt()
                                    : "")
                    .append("</td><td>")
                    .append(esc(step.path("status").asString()))
                    .append("</td><td>")
                    .append(esc(step.path("adapter").asString("")))
                    .append("</td><td>")
                    .append(millis(step))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String millis(JsonNode step) {
        try {
            return String.valueOf(java.time.Duration.between(
                            java.time.Instant.parse(step.path("started_at").asString()),
                            java.time.Instant.parse(step.path("finished_at").asString()))
                    .toMillis());
        } catch (RuntimeException notBoth) {
            return "";
        }
    }

    /** Downloads a file next to the page (once) and shows it as its kind allows. */
    private void figure(String assetId, String folder, String caption) {
        if (assetId == null || assetId.isEmpty()) {
            return;
        }
        String file = saved.computeIfAbsent(assetId, id -> save(id, folder, caption));
        html.append("<figure>");
        if (file.isEmpty()) {
            html.append("<p class=\"failed\">").append(esc(caption)).append(": could not be downloaded</p></figure>");
            return;
        }
        if (file.endsWith(".png") || file.endsWith(".jpg")) {
            html.append("<img src=\"")
                    .append(esc(file))
                    .append("\" alt=\"")
                    .append(esc(caption))
                    .append("\">");
        } else if (file.endsWith(".mp4")) {
            html.append("<video controls preload=\"metadata\" src=\"")
                    .append(esc(file))
                    .append("\"></video>");
        } else if (file.endsWith(".wav")) {
            html.append("<audio controls src=\"").append(esc(file)).append("\"></audio>");
        } else {
            html.append("<a href=\"")
                    .append(esc(file))
                    .append("\">")
                    .append(esc(file.substring(file.lastIndexOf('/') + 1)))
                    .append("</a>");
        }
        html.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    /** Downloads a file next to the page; its relative name, or empty when it could not be had (the page says so). */
    private String save(String assetId, String folder, String caption) {
        byte[] data;
        try {
            data = client.download(assetId);
        } catch (RuntimeException unavailable) {
            return "";
        }
        String name = folder.replaceAll("[^A-Za-z0-9_-]", "_") + "/" + caption.replaceAll("[^A-Za-z0-9_-]+", "-") + "-"
                + assetId.substring(Math.max(0, assetId.length() - 6))
                        .toLowerCase()
                        .replaceAll("[^a-z0-9]", "_") + extension(data);
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.write(path, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** The file name extension for what {@code data} starts with. */
    static String extension(byte[] data) {
        if (data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return ".png";
        }
        if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8) {
            return ".jpg";
        }
        if (data.length > 12 && data[4] == 'f' && data[5] == 't' && data[6] == 'y' && data[7] == 'p') {
            return ".mp4";
        }
        if (data.length > 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F') {
            return ".wav";
        }
        if (data.length > 4 && data[0] == 'P' && data[1] == 'K') {
            return ".zip";
        }
        return data.length > 0 && (data[0] == '{' || data[0] == '[') ? ".json" : ".bin";
    }

    private static String caption(String role, JsonNode scene) {
        return scene.isNumber() ? role + " " + scene.asInt() : role;
    }

    private static String pretty(JsonNode node) {
        return StudioClient.pretty(node);
    }

    static String esc(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
