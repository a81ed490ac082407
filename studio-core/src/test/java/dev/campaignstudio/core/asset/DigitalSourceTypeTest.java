package dev.campaignstudio.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The IPTC digital source type is written into PNG, JPEG and MP4 as XMP, read back, and the files still decode. */
class DigitalSourceTypeTest {

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, Color.ORANGE.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aPngCarriesItInAnItxtChunkAndStillDecodes() throws Exception {
        byte[] labelled = DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.label(image("png"), "image/png");

        assertThat(DigitalSourceType.read(labelled))
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(new String(labelled, StandardCharsets.ISO_8859_1)).contains("iTXtXML:com.adobe.xmp");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(labelled));
        assertThat(decoded.getWidth()).isEqualTo(20);
        assertThat(decoded.getRGB(3, 4)).isEqualTo(Color.ORANGE.getRGB());
    }

    @Test
    void aJpegCarriesItInAnApp1SegmentAndStillDecodes() throws Exception {
        byte[] labelled = DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.label(image("jpg"), "image/jpeg");

        assertThat(DigitalSourceType.read(labelled))
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
        assertThat(ImageIO.read(new ByteArrayInputStream(labelled)).getHeight()).isEqualTo(10);
    }

    @Test
    void anMp4CarriesItInAnXmpUuidBoxAtTheEnd() {
        ByteBuffer mp4 = ByteBuffer.allocate(32);
        mp4.putInt(16)
                .put("ftyp".getBytes(StandardCharsets.US_ASCII))
                .put("isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(0);
        mp4.putInt(16).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(42);
        byte[] labelled = DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.label(mp4.array(), "video/mp4");

        assertThat(DigitalSourceType.read(mp4.array())).isEmpty();
        assertThat(DigitalSourceType.read(labelled)).contains(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
        assertThat(ByteBuffer.wrap(labelled, 0, 32)).isEqualTo(ByteBuffer.wrap(mp4.array()));
    }

    @Test
    void otherFilesAreLeftAsTheyAre() {
        byte[] wav = "RIFF....WAVE".getBytes(StandardCharsets.US_ASCII);
        assertThat(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA.label(wav, "audio/wav"))
                .isSameAs(wav);
    }
}
