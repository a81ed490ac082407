package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Continuity between scenes, decoded (docs/modes.md, "Continuity"): when the product stands elsewhere in the next
 * clip, the crossfade carries it from where it was at the end of one clip to where it is in the next, instead of
 * fading one product out in one place while another fades in elsewhere. Written from that rule: half-way through the
 * crossfade the incoming product stands half-way between its two places, so its own place is still empty.
 */
class MatchedTransitionAdapterTest {

    private static final int W = 180;
    private static final int H = 320;
    private static final int FPS = 30;
    private static final Color GREY = new Color(128, 128, 128);
    private static final Rectangle FIRST = new Rectangle(15, 30, 40, 80);
    private static final Rectangle SECOND = new Rectangle(120, 200, 40, 80);

    private final FfmpegStitcher stitcher = new FfmpegStitcher();

    @Test
    void halfWayThroughTheCrossfadeTheProductStandsHalfWayBetweenItsPlaces() throws Exception {
        StitchRequest request =
                request().withProduct(new MediaFile(Images.png(cutOut()), "image/png", null, null, null), null);
        List<BufferedImage> frames = ClipFixture.frames(stitcher.stitch(request).data());
        StitchPlan.Span second = StitchPlan.of(request).clips().get(1);
        assertThat(second.overlapIn()).isEqualTo(15);
        double whole = redness(frames.get(second.start() + second.overlapIn() + 3), SECOND);
        assertThat(whole)
                .as("the product alone in its place after the crossfade")
                .isGreaterThan(60);

        int half = second.start() + 7;
        assertThat(second.opacity(half)).isEqualTo(0.5);
        Rectangle midway = new Rectangle((FIRST.x + SECOND.x) / 2, (FIRST.y + SECOND.y) / 2, FIRST.width, FIRST.height);
        assertThat(redness(frames.get(half), SECOND))
                .as("the product's own place half-way through")
                .isLessThan(whole * 0.15);
        assertThat(redness(frames.get(half), midway))
                .as("the product half-way between, at half opacity")
                .isGreaterThan(whole * 0.3);
        assertThat(redness(frames.get(second.start()), FIRST))
                .as("both products where the first clip's was, at the cut")
                .isGreaterThan(whole * 0.8);
    }

    @Test
    void withoutTheProductToFollowTheCrossfadeIsAPlainDissolve() throws Exception {
        List<BufferedImage> frames =
                ClipFixture.frames(stitcher.stitch(request()).data());
        StitchPlan.Span second = StitchPlan.of(request()).clips().get(1);
        double whole = redness(frames.get(second.start() + second.overlapIn() + 3), SECOND);
        assertThat(redness(frames.get(second.start() + 7), SECOND))
                .as("half the product already in its place")
                .isBetween(whole * 0.35, whole * 0.65);
    }

    private static StitchRequest request() {
        MediaFile first = ClipFixture.still(scene(FIRST), 1_000, FPS, null);
        MediaFile second = ClipFixture.still(scene(SECOND), 1_000, FPS, null);
        return new StitchRequest(List.of(first, second), W, H, FPS, 500, null, List.of(), false, null, 0, 1);
    }

    /** A red bottle with a dark cap and a white label, on transparency. */
    private static BufferedImage cutOut() {
        BufferedImage product = new BufferedImage(FIRST.width, FIRST.height, BufferedImage.TYPE_INT_ARGB);
        draw(product.createGraphics(), 0, 0);
        return product;
    }

    private static BufferedImage scene(Rectangle at) {
        BufferedImage scene = ClipFixture.plain(W, H, GREY);
        draw(scene.createGraphics(), at.x, at.y);
        return scene;
    }

    private static void draw(Graphics2D g, int x, int y) {
        g.setColor(new Color(210, 25, 25));
        g.fillRect(x, y + 14, 40, 66);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(x + 10, y, 20, 14);
        g.setColor(Color.WHITE);
        g.fillRect(x, y + 38, 40, 16);
        g.dispose();
    }

    /** Mean of how much redder than grey each pixel of {@code box} is. */
    private static double redness(BufferedImage frame, Rectangle box) {
        double sum = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                Color c = new Color(frame.getRGB(x, y));
                sum += Math.max(0, c.getRed() - (c.getGreen() + c.getBlue()) / 2.0);
            }
        }
        return sum / (box.width * box.height);
    }
}
