package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.ProductAnalysis.CutOut;
import dev.campaignstudio.core.engine.StepFault;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
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
                boolean predicted = cx >= 0 && cy >= 0 && cx < alpha.getWidth() && cy < alpha.getHeight()
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
            assertThat(png.getRGB(0, 0) >>> 24).as("a corner of the trimmed cut-out is clear").isLessThan(32);
            assertThat(png.getRGB(png.getWidth() / 2, png.getHeight() / 2) >>> 24).isEqualTo(255);
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
    void somethingThatIsNotAnImageIsUnreadable() {
        assertThatThrownBy(() -> cutter.cutOut("not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(StepFault.class, f -> assertThat(f.code()).isEqualTo("SOURCE_UNREADABLE"));
    }
}
