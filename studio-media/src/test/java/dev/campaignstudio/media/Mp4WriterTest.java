package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mp4WriterTest {

    /**
     * Plain BGR frames go to the encoder by a bulk copy, any other image through JavaCV's converter; both must encode
     * the same picture. A sub-image of a larger one (same pixels, other layout) takes the converter's way.
     */
    @ParameterizedTest(name = "{0} pixels wide")
    @ValueSource(ints = {90, 100, 144})
    void plainFramesEncodeAsTheConvertersWayDoes(int width) {
        int height = 96;
        List<BufferedImage> plain = new ArrayList<>();
        List<BufferedImage> viewed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BufferedImage larger = new BufferedImage(width + 8, height + 8, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = larger.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(220, 40 + i * 30, 20), width, height, new Color(10, 60, 230)));
            g.fillRect(0, 0, width + 8, height + 8);
            g.setColor(Color.WHITE);
            g.fillRect(4 + width / 3, 4 + i * 10, width / 4, height / 5);
            g.dispose();
            BufferedImage view = larger.getSubimage(4, 4, width, height);
            viewed.add(view);
            plain.add(Images.copy(view, BufferedImage.TYPE_3BYTE_BGR));
        }
        List<BufferedImage> fast = decoded(write(plain, width, height));
        List<BufferedImage> converted = decoded(write(viewed, width, height));
        assertThat(fast).hasSize(4);
        assertThat(converted).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(meanDifference(fast.get(i), converted.get(i)))
                    .as("frame %d", i)
                    .isLessThan(0.5);
            assertThat(meanDifference(fast.get(i), plain.get(i)))
                    .as("frame %d against its source", i)
                    .isLessThan(6);
        }
    }

    private static byte[] write(List<BufferedImage> frames, int width, int height) {
        try (Mp4Writer writer = new Mp4Writer(width, height, 10, false)) {
            frames.forEach(writer::frame);
            return writer.finish();
        }
    }

    private static List<BufferedImage> decoded(byte[] mp4) {
        List<BufferedImage> frames = new ArrayList<>();
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            for (BufferedImage frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(Images.copy(frame, BufferedImage.TYPE_3BYTE_BGR));
            }
        }
        return frames;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
