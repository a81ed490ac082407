package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mp4ReaderTest {

    /** Widths whose rows FFmpeg pads (72, 90, 100) decoded as they were drawn: a skewed read would move the edge. */
    @ParameterizedTest(name = "{0} pixels wide")
    @ValueSource(ints = {72, 90, 100, 144})
    void framesOfEveryEvenWidthDecodeWithoutSkew(int width) {
        int height = 128;
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(30, 30, 200));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        byte[] mp4;
        try (Mp4Writer writer = new Mp4Writer(width, height, 10, false)) {
            for (int i = 0; i < 5; i++) {
                writer.frame(frame);
            }
            mp4 = writer.finish();
        }
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            BufferedImage decoded = reader.next();
            assertThat(decoded.getWidth()).isEqualTo(width);
            for (int y : new int[] {2, height / 2, height - 3}) {
                assertThat(new Color(decoded.getRGB(width / 4, y)).getRed())
                        .as("left at row %d", y)
                        .isGreaterThan(150);
                assertThat(new Color(decoded.getRGB(width * 3 / 4, y)).getBlue())
                        .as("right at row %d", y)
                        .isGreaterThan(150);
            }
        }
    }
}
