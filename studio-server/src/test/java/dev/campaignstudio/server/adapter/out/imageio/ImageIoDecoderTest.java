package dev.campaignstudio.server.adapter.out.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.asset.ByteSource;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.fixtures.TestImages;
import dev.campaignstudio.server.support.Samples;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageIoDecoderTest {

    private final ImageIoDecoder decoder = new ImageIoDecoder();

    private Optional<String> damage(byte[] data) throws IOException {
        ImageInfo header =
                ImageSniffer.sniff(data).orElseThrow(() -> new AssertionError("the header must still be readable"));
        return decoder.damage(ByteSource.of(data), header);
    }

    private static byte[] photo() {
        return Samples.photo("aurora-bottle", "front.jpg");
    }

    @Test
    void wholePhotosDecode() throws IOException {
        assertThat(damage(photo())).isEmpty();
        assertThat(damage(TestImages.jpeg(64, 48, Color.RED))).isEmpty();
        assertThat(damage(TestImages.png(64, 48, Color.RED))).isEmpty();
    }

    @Test
    void aJpegCutToAThirdEndsEarly() throws IOException {
        byte[] jpeg = photo();
        assertThat(damage(Arrays.copyOf(jpeg, jpeg.length / 3))).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aJpegWithoutItsEndMarkerEndsEarly() throws IOException {
        byte[] jpeg = photo();
        assertThat(damage(Arrays.copyOf(jpeg, jpeg.length - 2))).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aJpegWhoseHeaderClaimsMorePixelsThanItsDataHoldsIsRefusedWithoutDecodingAtThatSize() throws IOException {
        byte[] forged = TestImages.withJpegSize(photo(), 6000, 6000);
        assertThat(damage(forged)).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aPngCutInItsPixelDataEndsEarly() throws IOException {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        assertThat(damage(Arrays.copyOf(png, png.length / 2))).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aPngCutBeforeItsEndChunkEndsEarly() throws IOException {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        assertThat(damage(Arrays.copyOf(png, png.length - 12))).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aPngWithAWrongChunkChecksumIsRefusedNamingTheChunk() throws IOException {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        int idat = indexOf(png, "IDAT");
        int length = ByteBuffer.wrap(png, idat - 4, 4).getInt();
        png[idat + 4 + length] ^= 0x01;
        assertThat(damage(png)).contains("the checksum of its IDAT chunk is wrong");
    }

    @Test
    void aPngWhoseDataIsAlteredIsRefusedByItsChecksum() throws IOException {
        byte[] png = TestImages.png(300, 300, Color.MAGENTA);
        png[indexOf(png, "IDAT") + 10] ^= 0x40;
        assertThat(damage(png)).isPresent();
    }

    @Test
    void aLargePngIsCheckedSubsampled() throws IOException {
        byte[] png = TestImages.hugePng(6000, 4000);
        assertThat(damage(png)).isEmpty();
    }

    @Test
    void aWebpIsCheckedByItsRiffChunks() throws IOException {
        byte[] webp = webp(300, 200, 40);
        assertThat(damage(webp)).isEmpty();
        assertThat(damage(Arrays.copyOf(webp, webp.length - 10))).contains(ImageIoDecoder.ENDS_EARLY);
    }

    @Test
    void aStorageFaultIsThrownNotTakenForDamage() {
        byte[] jpeg = photo();
        ImageInfo header = ImageSniffer.sniff(jpeg).orElseThrow();
        ByteSource failing = () -> new FilterInputStream(new ByteArrayInputStream(jpeg)) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > jpeg.length / 2) {
                    throw new IOException("disk gone");
                }
                int n = super.read(b, off, Math.min(len, 1024));
                served += Math.max(0, n);
                return n;
            }
        };
        assertThatThrownBy(() -> decoder.damage(failing, header))
                .isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }

    /** A RIFF WebP with a lossless frame header and {@code payload} bytes of (undecoded) data. */
    private static byte[] webp(int width, int height, int payload) {
        ByteBuffer vp8l = ByteBuffer.allocate(5 + payload).order(ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = vp8l.array();
        int riff = 4 + 8 + chunk.length + (chunk.length & 1);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(riff)
                .array());
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(chunk.length)
                .array());
        out.writeBytes(chunk);
        if ((chunk.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, String type) {
        byte[] needle = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " chunk");
    }
}
