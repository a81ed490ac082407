package dev.campaignstudio.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.TestImages;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    void readsAForgedJpegSizeFromItsFrameHeader() {
        byte[] forged = TestImages.withJpegSize(TestImages.jpeg(120, 80, Color.BLUE), 60000, 60000);
        assertThat(ImageSniffer.sniff(forged)).contains(new ImageInfo(ImageFormat.JPEG, 60000, 60000));
    }

    @Test
    void readsAStreamOnlyAsFarAsTheJpegFrameHeaderSkippingLargeSegments() throws Exception {
        byte[] jpeg = TestImages.jpeg(120, 80, Color.BLUE);
        ByteArrayOutputStream padded = new ByteArrayOutputStream();
        padded.write(jpeg, 0, 2);
        for (int i = 0; i < 3; i++) {
            padded.write(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) 0xFF, (byte) 0xF0});
            padded.write(new byte[0xFFF0 - 2]);
        }
        padded.write(jpeg, 2, jpeg.length - 2);
        byte[] data = padded.toByteArray();
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));

        assertThat(ImageSniffer.sniff(in)).contains(new ImageInfo(ImageFormat.JPEG, 120, 80));
        assertThat(in.count)
                .as("stopped at the frame header, before the pixel data")
                .isLessThan(data.length - jpeg.length + 1000);
    }

    @Test
    void aStreamThatEndsInsideTheHeaderIsNotAnImage() throws Exception {
        byte[] jpeg = TestImages.jpeg(120, 80, Color.BLUE);
        assertThat(ImageSniffer.sniff(new ByteArrayInputStream(Arrays.copyOf(jpeg, 25))))
                .isEmpty();
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
        assertThat(ImageSniffer.sniff("hello, I am a PNG".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageSniffer.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        byte[] png = TestImages.png(10, 10, Color.GREEN);
        assertThat(ImageSniffer.sniff(Arrays.copyOf(png, 20))).isEmpty();
        assertThat(ImageSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ImageSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isEmpty();
    }

    private static byte[] webp(String chunk, int size) {
        byte[] data = new byte[Math.max(size, 32)];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, data, 8, 4);
        System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, data, 12, 4);
        return data;
    }

    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
