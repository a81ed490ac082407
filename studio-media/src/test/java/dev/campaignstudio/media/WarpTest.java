package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The warp samples bilinearly: every output pixel is the source at the output pixel's centre mapped back, between its
 * four neighbours, edges held. The oracle is that definition in floating point; the warp's 8-bit weights may differ
 * from it by a level or two. The camera moves (zoom and pan, no tilt) take a faster path that must give the very same
 * frame as the general one.
 */
class WarpTest {

    private static final int W = 97;
    private static final int H = 61;

    private final BufferedImage source = noise(W, H, 7);

    @Test
    void everyPixelIsTheBilinearSampleOfWhereItComesFrom() throws Exception {
        for (AffineTransform move : moves()) {
            BufferedImage out = Warp.affine(source, move, 80, 50);
            AffineTransform back = move.createInverse();
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    Point2D at = back.transform(new Point2D.Double(x + 0.5, y + 0.5), null);
                    int[] expected = bilinear(at.getX() - 0.5, at.getY() - 0.5);
                    int rgb = out.getRGB(x, y);
                    int[] actual = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                    for (int c = 0; c < 3; c++) {
                        assertThat(Math.abs(actual[c] - expected[c]))
                                .as("%s at %d,%d channel %d", move, x, y, c)
                                .isLessThanOrEqualTo(2);
                    }
                }
            }
        }
    }

    @Test
    void aZoomAndPanGivesTheSameFrameAsTheGeneralPath() {
        for (AffineTransform move : moves()) {
            // a shear far too small to move any sample sends the same move down the general path
            AffineTransform sheared = new AffineTransform(move);
            sheared.concatenate(AffineTransform.getShearInstance(1e-12, 1e-12));
            BufferedImage fast = Warp.affine(source, move, 80, 50);
            BufferedImage general = Warp.affine(source, sheared, 80, 50);
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 80; x++) {
                    assertThat(fast.getRGB(x, y)).as("%s at %d,%d", move, x, y).isEqualTo(general.getRGB(x, y));
                }
            }
        }
    }

    private static List<AffineTransform> moves() {
        AffineTransform zoomIn = AffineTransform.getTranslateInstance(-7.3, -4.6);
        zoomIn.scale(1.13, 1.13);
        AffineTransform shrink = AffineTransform.getTranslateInstance(3.2, 1.7);
        shrink.scale(0.8, 0.85);
        return List.of(zoomIn, shrink, AffineTransform.getTranslateInstance(-11.25, 0.4), new AffineTransform());
    }

    private int[] bilinear(double sx, double sy) {
        double cx = Math.max(0, Math.min(W - 1, sx));
        double cy = Math.max(0, Math.min(H - 1, sy));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(W - 1, x0 + 1);
        int y1 = Math.min(H - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        int[] value = new int[3];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double top =
                    (source.getRGB(x0, y0) >> shift & 0xFF) * (1 - fx) + (source.getRGB(x1, y0) >> shift & 0xFF) * fx;
            double bottom =
                    (source.getRGB(x0, y1) >> shift & 0xFF) * (1 - fx) + (source.getRGB(x1, y1) >> shift & 0xFF) * fx;
            value[c] = (int) Math.round(top * (1 - fy) + bottom * fy);
        }
        return value;
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
