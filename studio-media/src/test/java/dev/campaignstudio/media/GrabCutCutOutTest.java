package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.ProductAnalysis.CutOut;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrabCutCutOutTest {

    private final GrabCutCutOut cutter = new GrabCutCutOut();

    private static double iou(CutOut cut, boolean[] truth, int width, int height) throws Exception {
        BufferedImage alpha = Images.decode(cut.png().data());
        long inter = 0;
        long union = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cx = x - cut.bounds().x();
                int cy = y - cut.bounds().y();
                boolean predicted = cx >= 0
                        && cy >= 0
                        && cx < alpha.getWidth()
                        && cy < alpha.getHeight()
                        && (alpha.getRGB(cx, cy) >>> 24) >= 128;
                boolean actual = truth[y * width + x];
                inter += predicted && actual ? 1 : 0;
                union += predicted || actual ? 1 : 0;
            }
        }
        return (double) inter / union;
    }

    @Test
    void cutsAProductOffATexturedBackgroundCloseToTheTruth() throws Exception {
        Color[] bodies = {new Color(20, 130, 140), new Color(190, 30, 45), new Color(30, 40, 90)};
        for (long seed : new long[] {1, 2, 3}) {
            SyntheticPhotos.Photo photo = SyntheticPhotos.bottleOnTexture(480, 640, bodies[(int) seed - 1], seed);
            CutOut cut = cutter.cutOut(Images.jpeg(photo.photo()));
            assertThat(iou(cut, photo.mask(), 480, 640)).as("seed %d", seed).isGreaterThanOrEqualTo(0.9);
            BufferedImage png = Images.decode(cut.png().data());
            assertThat(png.getColorModel().hasAlpha()).isTrue();
            assertThat(png.getRGB(0, 0) >>> 24)
                    .as("a corner of the trimmed cut-out is clear")
                    .isLessThan(32);
            assertThat(png.getRGB(png.getWidth() / 2, png.getHeight() / 2) >>> 24)
                    .isEqualTo(255);
            assertThat(cut.png().width()).isEqualTo(png.getWidth());
            assertThat(cut.coverage()).isBetween(0.05, 0.3);
            assertThat(cut.sharpness()).isPositive();
        }
    }

    @Test
    void aPhotoWithTransparencyIsTakenAsCutOut() throws Exception {
        SyntheticPhotos.Photo photo = SyntheticPhotos.bottleOnTexture(240, 320, new Color(200, 40, 60), 9);
        CutOut cut = cutter.cutOut(Images.png(photo.product()));
        assertThat(iou(cut, photo.mask(), 240, 320)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void aOneColourPhotoIsRefusedAsShowingNoProductNotAsAnInternalError() {
        for (Color colour : new Color[] {Color.WHITE, new Color(120, 40, 200)}) {
            BufferedImage flat = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            g.setColor(colour);
            g.fillRect(0, 0, 320, 240);
            g.dispose();
            for (byte[] photo : List.of(Images.png(flat), Images.jpeg(flat))) {
                assertThatThrownBy(() -> cutter.cutOut(photo)).isInstanceOfSatisfying(StepFault.class, f -> {
                    assertThat(f.code()).isEqualTo("INPUT_INVALID");
                    assertThat(f.getMessage()).isEqualTo(GrabCutCutOut.NO_PRODUCT);
                    assertThat(f.retryable()).isFalse();
                });
            }
        }
    }

    @Test
    void aFullyTransparentPhotoIsRefusedAsShowingNoProduct() {
        BufferedImage clear = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        assertThatThrownBy(() -> cutter.cutOut(Images.png(clear)))
                .isInstanceOfSatisfying(
                        StepFault.class, f -> assertThat(f.code()).isEqualTo("INPUT_INVALID"));
    }

    @Test
    void aPhotoWithinTheWorkingSizeIsDecodedExactlyAsBeforeAndCutOutAtItsOwnSize() throws Exception {
        SyntheticPhotos.Photo photo = SyntheticPhotos.bottleOnTexture(480, 640, new Color(20, 130, 140), 4);
        byte[] jpeg = Images.jpeg(photo.photo());
        BufferedImage working = Images.decodeWithin(jpeg, GrabCutCutOut.WORKING_LONG_SIDE);
        BufferedImage full = Images.decode(jpeg);
        assertThat(working.getWidth()).isEqualTo(480);
        assertThat(working.getHeight()).isEqualTo(640);
        assertThat(working.getRGB(0, 0, 480, 640, null, 0, 480)).isEqualTo(full.getRGB(0, 0, 480, 640, null, 0, 480));

        CutOut cut = cutter.cutOut(jpeg);
        assertThat(cut.sourceWidth()).isEqualTo(480);
        assertThat(cut.sourceHeight()).isEqualTo(640);
        assertThat(cut.png().width()).isEqualTo(cut.bounds().width());
        assertThat(cut.png().height()).isEqualTo(cut.bounds().height());
    }

    @Test
    void aSixThousandPixelJpegIsDecodedReducedToTheWorkingSize() throws Exception {
        byte[] jpeg = LargePhotos.jpeg(6000, 4000);
        BufferedImage working = Images.decodeWithin(jpeg, GrabCutCutOut.WORKING_LONG_SIDE);
        assertThat(working.getWidth()).isEqualTo(2048);
        assertThat(working.getHeight()).isEqualTo(1365);
        assertThat(gray(working, 1024, 682)).as("the product, in the middle").isLessThan(80);
        assertThat(gray(working, 20, 20)).as("the background").isGreaterThan(180);
    }

    @Test
    void aSixThousandPixelPngIsDecodedSubsampledToTheWorkingSize() throws Exception {
        byte[] png = LargePhotos.png(6000, 4000);
        BufferedImage working = Images.decodeWithin(png, GrabCutCutOut.WORKING_LONG_SIDE);
        assertThat(Math.max(working.getWidth(), working.getHeight())).isEqualTo(2048);
        assertThat(working.getHeight()).isEqualTo(1365);
        assertThat(gray(working, 1024, 682)).isLessThan(80);
        assertThat(gray(working, 20, 20)).isGreaterThan(180);
    }

    @Test
    void aLargePhotoIsCutOutFromItsWorkingCopyWithBoundsInThePhotosPixels() throws Exception {
        CutOut cut = cutter.cutOut(LargePhotos.jpeg(6000, 4000));
        assertThat(cut.sourceWidth()).isEqualTo(6000);
        assertThat(cut.sourceHeight()).isEqualTo(4000);
        assertThat(Math.max(cut.png().width(), cut.png().height()))
                .isLessThanOrEqualTo(GrabCutCutOut.WORKING_LONG_SIDE);
        BufferedImage png = Images.decode(cut.png().data());
        assertThat(png.getWidth()).isEqualTo(cut.png().width());
        // the product is the rectangle from (2000, 1000) to (4000, 3000) of the photo
        assertThat(cut.bounds().x()).isBetween(1950, 2050);
        assertThat(cut.bounds().y()).isBetween(950, 1050);
        assertThat(cut.bounds().width()).isBetween(1900, 2100);
        assertThat(cut.bounds().height()).isBetween(1900, 2100);
        assertThat(cut.coverage()).isBetween(0.14, 0.19);
    }

    private static int gray(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
    }

    @Test
    void somethingThatIsNotAnImageIsUnreadable() {
        assertThatThrownBy(() -> cutter.cutOut("not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        StepFault.class, f -> assertThat(f.code()).isEqualTo("SOURCE_UNREADABLE"));
    }
}
