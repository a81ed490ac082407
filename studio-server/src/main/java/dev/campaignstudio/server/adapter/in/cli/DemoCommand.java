package dev.campaignstudio.server.adapter.in.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code studio demo}: on a machine with only a JDK, builds a bundled sample product's identity and then makes all four
 * outputs of it, and writes a gallery to look at them.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the demo: a bundled sample product through creation and all four output modes.",
            "The image bundle, fast video, script video and UGC run embedded (no servers, no keys); everything is",
            "written with an index.html under out/demo/<time>/.",
            "First run about 2-4 minutes at full size on 2 cores (later runs reuse the product's identity);",
            "--video-size 960 --image-size 1024 is about three times faster."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default out/demo/<time>).")
    Path out;

    @Option(
            names = "--sample",
            paramLabel = "NAME",
            split = ",",
            description =
                    "Sample product(s) from samples/: aurora-bottle (default), kiln-mug, velvet-noir-perfume, or all.")
    List<String> samples = List.of("aurora-bottle");

    @Mixin
    OutputOptions output;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        output.check();
        PrintWriter print = spec.commandLine().getOut();
        Path samplesDir = Samples.directory();
        List<String> chosen = samples.contains("all") ? Samples.names(samplesDir) : samples;
        for (String name : chosen) {
            if (!Files.isRegularFile(samplesDir.resolve(name).resolve("product.json"))) {
                throw new CliFailure(
                        CliFailure.BAD_INPUT,
                        "--sample: no sample product '" + name + "' in " + samplesDir + " (there are "
                                + String.join(", ", Samples.names(samplesDir)) + ")");
            }
        }
        Path dir = Gallery.checkWritable(
                out != null
                        ? out
                        : Path.of(
                                "out",
                                "demo",
                                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        if (!output.quiet && !output.json) {
            print.println("studio demo: " + String.join(", ", chosen) + " -> " + dir.toAbsolutePath());
        }
        Map<String, JsonNode> all = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (Connection.Session session = connection.open(output.embeddedSettings())) {
            StudioClient client = session.client();
            JobWatcher watcher = new JobWatcher(client, print, output.style(), 250);
            for (String name : chosen) {
                Samples.Product product = Samples.upload(client, samplesDir.resolve(name));
                JsonNode creation = client.submit(Jobs.creation(product.tree()));
                JsonNode made = watcher.await(Map.of(creation.get("id").asString(), "identity"))
                        .values()
                        .iterator()
                        .next();
                all.put(name + " identity", made);
                if (!"succeeded".equals(made.get("status").asString())) {
                    failures.add(JobWatcher.failure(name + " identity", made));
                    Gallery.write(client, dir.resolve(name), product.name(), made, Map.of());
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                for (Map.Entry<String, Map<String, Object>> mode : Jobs.DEMO_SETTINGS.entrySet()) {
                    JsonNode job = client.submit(
                            Jobs.output(product.tree(), mode.getKey(), product.prompt(), mode.getValue()));
                    labels.put(job.get("id").asString(), mode.getKey());
                }
                Map<String, JsonNode> ended = watcher.await(labels);
                Map<String, JsonNode> byMode = new LinkedHashMap<>();
                ended.forEach((id, job) -> {
                    byMode.put(labels.get(id), job);
                    all.put(name + " " + labels.get(id), job);
                    if (!"succeeded".equals(job.get("status").asString())) {
                        failures.add(JobWatcher.failure(name + " " + labels.get(id), job));
                    }
                });
                Path page = Gallery.write(
                        client, chosen.size() == 1 ? dir : dir.resolve(name), product.name(), made, byMode);
                if (!output.json) {
                    print.println(page.toAbsolutePath());
                }
            }
        }
        if (output.json) {
            OutputOptions.printJson(print, all);
        }
        if (!failures.isEmpty()) {
            throw new CliFailure(CliFailure.JOB_FAILED, String.join("; ", failures));
        }
        return 0;
    }

    /** The bundled sample products. */
    static final class Samples {

        private Samples() {}

        /** A sample uploaded: its product object (images as {@code asset:} references), name and prompt. */
        record Product(Map<String, Object> tree, String name, String prompt) {}

        /** {@code samples/} of the installation ({@code studio.home}, set by the launcher), else of the working directory. */
        static Path directory() {
            String home = System.getProperty("studio.home");
            Path dir = home != null ? Path.of(home, "samples") : Path.of("samples");
            if (!Files.isDirectory(dir)) {
                throw new CliFailure(
                        CliFailure.BAD_INPUT,
                        "no samples/ folder at " + dir.toAbsolutePath() + " (run from the repository root)");
            }
            return dir;
        }

        static List<String> names(Path dir) throws IOException {
            try (Stream<Path> children = Files.list(dir)) {
                return children.filter(p -> Files.isRegularFile(p.resolve("product.json")))
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList();
            }
        }

        /** Uploads a sample's photos and returns its product object as a job takes it. */
        @SuppressWarnings("unchecked")
        static Product upload(StudioClient client, Path folder) throws IOException {
            Map<String, Object> product =
                    StudioClient.JSON.readValue(folder.resolve("product.json").toFile(), LinkedHashMap.class);
            String prompt = (String) product.remove("prompt");
            List<Map<String, Object>> images = new ArrayList<>();
            for (Object image : (List<Object>) product.get("images")) {
                Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) image);
                entry.put("uri", "asset:" + client.upload(folder.resolve(String.valueOf(entry.get("uri")))));
                images.add(entry);
            }
            product.put("images", images);
            return new Product(product, String.valueOf(product.get("name")), prompt);
        }
    }
}
