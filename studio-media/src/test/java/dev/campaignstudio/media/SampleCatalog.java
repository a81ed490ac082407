package dev.campaignstudio.media;

import dev.campaignstudio.media.SampleProducts.Backdrop;
import dev.campaignstudio.media.SampleProducts.Shot;
import dev.campaignstudio.media.SampleProducts.View;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the sample products the project makes itself into {@code samples/<product_id>/}: a few JPEG photos each and a
 * {@code product.json} shaped like the job contract's product object (images as file names in the folder), with a
 * sample campaign {@code prompt} beside it. Run it to regenerate them (see {@code samples/README.md}).
 */
public final class SampleCatalog {

    private static final Color AURORA_TEAL = new Color(20, 130, 140);
    private static final Color KILN_GREEN = new Color(46, 94, 70);
    private static final Color VELVET_ROSE = new Color(150, 30, 70);

    /** The samples, in the order they are listed. */
    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "aurora-bottle",
                    "Aurora Water Bottle",
                    "Aurora",
                    "drinkware",
                    List.of("teal", "white"),
                    "Double-wall insulated steel bottle that keeps drinks cold for 24 hours. 500 ml, leak-proof cap.",
                    "Summer launch: bright, upbeat, beach vibes",
                    List.of(
                            new Photo("front.jpg", new Shot(900, 1200, View.FRONT, Backdrop.WOOD, 1)),
                            new Photo("angled.jpg", new Shot(900, 1200, View.ANGLED, Backdrop.LINEN, 2)),
                            new Photo("front-linen.jpg", new Shot(900, 1200, View.FRONT, Backdrop.LINEN, 3))),
                    shot -> SampleProducts.bottlePhoto(AURORA_TEAL, shot)),
            new Sample(
                    "kiln-mug",
                    "Kiln Stoneware Mug",
                    "Kiln & Co",
                    "drinkware",
                    List.of("forest green"),
                    "Hand-glazed stoneware mug with a speckled forest-green glaze. 350 ml, dishwasher and microwave safe.",
                    "Cosy autumn mornings: slow coffee, warm light, calm and homely",
                    List.of(
                            new Photo("angled.jpg", new Shot(1024, 1024, View.ANGLED, Backdrop.LINEN, 4)),
                            new Photo("front.jpg", new Shot(1024, 1024, View.FRONT, Backdrop.WOOD, 5)),
                            new Photo("angled-wood.jpg", new Shot(1024, 1024, View.ANGLED, Backdrop.WOOD, 6))),
                    shot -> SampleProducts.mugPhoto(KILN_GREEN, shot)),
            new Sample(
                    "velvet-noir-perfume",
                    "Velvet Noir Eau de Parfum",
                    "Maison Velours",
                    "beauty",
                    List.of("deep rose", "black", "gold"),
                    "A warm, dark floral fragrance of rose, oud and vanilla in a faceted glass flacon. 50 ml.",
                    "Holiday gifting: evening elegance, luxurious and a little mysterious",
                    List.of(
                            new Photo("front.jpg", new Shot(900, 1200, View.FRONT, Backdrop.LINEN, 7)),
                            new Photo("angled.jpg", new Shot(900, 1200, View.ANGLED, Backdrop.WOOD, 8)),
                            new Photo("angled-linen.jpg", new Shot(900, 1200, View.ANGLED, Backdrop.LINEN, 9))),
                    shot -> SampleProducts.perfumePhoto(VELVET_ROSE, shot)));

    private SampleCatalog() {}

    /**
     * Writes every sample under {@code args[0]}, or under {@code samples/} of the repository this is run from (found by
     * walking up from the working directory).
     *
     * @param args an optional target directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0
                ? Path.of(args[0])
                : repositoryRoot(Path.of("").toAbsolutePath()).resolve("samples");
        write(root);
        System.out.println("wrote " + SAMPLES.size() + " sample products to " + root);
    }

    /**
     * Writes each sample's photos and {@code product.json} into {@code root/<product_id>/}, replacing files of the same
     * names and leaving others alone.
     *
     * @param root the samples directory
     * @throws IOException when a file cannot be written
     */
    public static void write(Path root) throws IOException {
        for (Sample sample : SAMPLES) {
            Path dir = Files.createDirectories(root.resolve(sample.id()));
            for (Photo photo : sample.photos()) {
                Files.write(dir.resolve(photo.file()), sample.camera().apply(photo.shot()));
            }
            Files.writeString(dir.resolve("product.json"), sample.json(), StandardCharsets.UTF_8);
        }
    }

    private static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("studio-media"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "not inside the Campaign Studio repository (" + from + "); name the target directory");
    }

    /** One photo of a sample: its file name and how it is taken. */
    record Photo(String file, Shot shot) {}

    /** One sample product: what the contract's product object says about it, a prompt, and its photos. */
    record Sample(
            String id,
            String name,
            String brand,
            String category,
            List<String> colors,
            String description,
            String prompt,
            List<Photo> photos,
            Function<Shot, byte[]> camera) {

        /** The {@code product.json}: the contract's product object with file names as image URIs, and a prompt. */
        String json() {
            List<String> images = new ArrayList<>();
            photos.forEach(p -> images.add("{\"uri\": " + quote(p.file()) + "}"));
            List<String> colours = new ArrayList<>();
            colors.forEach(c -> colours.add(quote(c)));
            return "{\n"
                    + "  \"product_id\": " + quote(id) + ",\n"
                    + "  \"name\": " + quote(name) + ",\n"
                    + "  \"images\": [\n    " + String.join(",\n    ", images) + "\n  ],\n"
                    + "  \"link\": null,\n"
                    + "  \"attributes\": {\n"
                    + "    \"brand\": " + quote(brand) + ",\n"
                    + "    \"category\": " + quote(category) + ",\n"
                    + "    \"colors\": [" + String.join(", ", colours) + "],\n"
                    + "    \"description\": " + quote(description) + "\n"
                    + "  },\n"
                    + "  \"prompt\": " + quote(prompt) + "\n"
                    + "}\n";
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
