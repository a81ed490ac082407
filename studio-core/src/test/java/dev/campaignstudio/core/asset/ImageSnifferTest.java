package dev.campaignstudio.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.TestImages;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageSnifferTest {

    @Test
    void readsPngSizeFromTheHeader() {
        assertThat(ImageSniffer.sniff(TestImages.png(64, 48, Color.RED)))
                .contains(new ImageInfo(ImageFormat.PNG, 64, 48));
    }

    @Test
    void readsJpegSizeFromTheFrameHeader() {
        assertThat(ImageSniffer.sniff(TestImages.jpeg(120, 80, Color.BLUE)))
                .contains(new ImageInfo(ImageFormat.JPEG, 120, 80));
    }

    @Test
    void readsHugeDimensionsWithoutDecoding() {
        ImageInfo info = ImageSniffer.sniff(TestImages.hugePng(20000, 20000)).orElseThrow();
        assertThat(info.pixels()).isEqualTo(400_000_000L);
    }

    @Test
    void readsWebpHeaders() {
        byte[] lossless = webp("VP8L", 25);
        lossless[20] = 0x2F;
        int bits = (300 - 1) | ((200 - 1) << 14);
        lossless[21] = (byte) bits;
        lossless[22] = (byte) (bits >>> 8);
        lossless[23] = (byte) (bits >>> 16);
        lossless[24] = (byte) (bits >>> 24);
        assertThat(ImageSniffer.sniff(lossless)).contains(new ImageInfo(ImageFormat.WEBP, 300, 200));

        byte[] extended = webp("VP8X", 30);
        extended[24] = (byte) 0x3F;
        extended[25] = 0x1F;
        extended[27] = (byte) 0xFF;
        assertThat(ImageSniffer.sniff(extended)).contains(new ImageInfo(ImageFormat.WEBP, 0x1F40, 256));
    }

    @Test
    void textAndTruncatedHeadersAreNotImages() {
        assertThat(ImageSniffer.sniff("hello, I am a PNG".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageSniffer.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        byte[] png = TestImages.png(10, 10, Color.GREEN);
        assertThat(ImageSniffer.sniff(Arrays.copyOf(png, 20))).isEmpty();
        assertThat(ImageSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ImageSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEmpty();
    }

    private static byte[] webp(String chunk, int size) {
        byte[] data = new byte[Math.max(size, 32)];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, data, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, data, 12, 4);
        return data;
    }
}
