package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every output mode on real product photographs (samples/photographed, CC BY 4.0), end to end in embedded mode at
 * test sizes: an image bundle of the bulb and of the vitamin bottle, a fast video and a UGC video of the bulb and a
 * script video of the bottle.
 * Outputs are decoded and checked as for the drawn samples; what each mode made is laid out on a contact sheet,
 * {@code target/photographed-contact-sheet.png}, for a person to review.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhotographedProductsSystemTest {

    static final int VIDEO_LONG_SIDE = 256;
    private static final int TILE = 200;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-photographed-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "photo-token");
        registry.add("studio.stages.image-long-side", () -> "320");
        registry.add("studio.stages.video-long-side", () -> String.valueOf(VIDEO_LONG_SIDE));
        registry.add("studio.stages.fps", () -> "10");
    }

    @Test
    void everyModeRunsOnPhotographedProductsAndTheContactSheetShowsWhatEachMade() throws Exception {
        ApiClient api = new ApiClient(port, "photo-token");
        OutputJobs jobs = new OutputJobs(api);
        Map<String, List<BufferedImage>> rows = new LinkedHashMap<>();
        Map<String, Map<String, Object>> products = new LinkedHashMap<>();
        // gym-bag is left out: its light grey body on white defeats the local cut-out (part of the bag is lost) and its
        // faithful renders score 0.45-0.65 on structure, so every bundle drifts (samples/photographed/LICENSES.md)
        for (String id : List.of("led-bulb", "vitamin-bottle")) {
            Map<String, Object> product = Samples.uploaded(api, "photographed/" + id);
            products.put(id, product);
            JsonNode bundle = jobs.imageBundle(product, VIDEO_LONG_SIDE);
            JsonNode neutral = OutputJobs.outputs(bundle, "neutral_image").isEmpty()
                    ? null
                    : OutputJobs.outputs(bundle, "neutral_image").get(0);
            List<BufferedImage> row = new ArrayList<>();
            for (JsonNode image : OutputJobs.outputs(bundle, "bundle_image")) {
                row.add(jobs.image(image));
            }
            rows.put(id + " / image_bundle", row);
            assertThat(neutral == null || neutral.get("width").asInt() > 0).isTrue();
        }
        rows.put("led-bulb / fast_video", frames(jobs, jobs.fastVideo(products.get("led-bulb"), VIDEO_LONG_SIDE)));
        rows.put(
                "vitamin-bottle / script_video",
                frames(jobs, jobs.scriptVideo(products.get("vitamin-bottle"), VIDEO_LONG_SIDE)));
        rows.put("led-bulb / ugc", frames(jobs, jobs.ugc(products.get("led-bulb"), VIDEO_LONG_SIDE)));
        for (Map.Entry<String, List<BufferedImage>> row : rows.entrySet()) {
            assertThat(row.getValue())
                    .as(row.getKey())
                    .isNotEmpty()
                    .allSatisfy(i -> assertThat(i.getWidth()).isPositive());
        }
        Path sheet = Path.of("target", "photographed-contact-sheet.png");
        Files.createDirectories(sheet.getParent());
        ImageIO.write(sheet(rows), "png", sheet.toFile());
        BufferedImage written = ImageIO.read(sheet.toFile());
        assertThat(written.getHeight()).as("a row per product and mode").isEqualTo(rows.size() * (TILE + 24));
    }

    /** Five frames of a job's final video, from its start to its last frame. */
    private static List<BufferedImage> frames(OutputJobs jobs, JsonNode job) throws Exception {
        byte[] mp4 = jobs.bytes(OutputJobs.outputs(job, "final_video").get(0));
        Path file = Files.createTempFile("photographed", ".mp4");
        List<BufferedImage> all = new ArrayList<>();
        try {
            Files.write(file, mp4);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                grabber.start();
                for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                    // rows are imageStride bytes apart, which can be more than width * 3
                    BufferedImage copy =
                            new BufferedImage(frame.imageWidth, frame.imageHeight, BufferedImage.TYPE_3BYTE_BGR);
                    byte[] target = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
                    ByteBuffer pixels = (ByteBuffer) frame.image[0];
                    for (int y = 0; y < frame.imageHeight; y++) {
                        pixels.get(y * frame.imageStride, target, y * frame.imageWidth * 3, frame.imageWidth * 3);
                    }
                    all.add(copy);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(all).as("decoded frames").hasSizeGreaterThan(10);
        List<BufferedImage> picked = new ArrayList<>();
        for (double at : new double[] {0.05, 0.3, 0.55, 0.8, 1}) {
            picked.add(all.get((int) Math.min(all.size() - 1, Math.round(at * (all.size() - 1)))));
        }
        return picked;
    }

    private static BufferedImage sheet(Map<String, List<BufferedImage>> rows) {
        int columns = rows.values().stream().mapToInt(List::size).max().orElse(1);
        BufferedImage sheet =
                new BufferedImage(columns * (TILE + 8) + 8, rows.size() * (TILE + 24), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int y = 0;
        for (Map.Entry<String, List<BufferedImage>> row : rows.entrySet()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(row.getKey(), 8, y + 16);
            int x = 8;
            for (BufferedImage image : row.getValue()) {
                double scale = Math.min(TILE / (double) image.getWidth(), (TILE - 4) / (double) image.getHeight());
                int w = (int) Math.round(image.getWidth() * scale);
                int h = (int) Math.round(image.getHeight() * scale);
                g.drawImage(image, x + (TILE - w) / 2, y + 22, w, h, null);
                x += TILE + 8;
            }
            y += TILE + 24;
        }
        g.dispose();
        return sheet;
    }
}
