package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stitched picture, decoded: a crossfade shows each clip by its opacity frame by frame, and clips of the output's
 * size or of another are on screen as they are (or covering the frame). The stitcher reuses its images between frames;
 * clips at a third of the output's rate hold each frame three output frames, so a blend that changed a clip's own frame
 * would show as a crossfade running ahead of its opacity.
 */
class StitchedFramesAdapterTest {

    private static final int W = 160;
    private static final int H = 284;
    private static final int FPS = 30;

    private final FfmpegStitcher stitcher = new FfmpegStitcher();

    @Test
    void aCrossfadeShowsTheNextClipByItsOpacityAndEachClipWholeOtherwise() throws Exception {
        MediaFile red = ClipFixture.still(ClipFixture.plain(W, H, new Color(220, 20, 20)), 1_000, 10, null);
        MediaFile blue = ClipFixture.still(ClipFixture.plain(W, H, new Color(20, 20, 220)), 1_000, 10, null);
        MediaFile green = ClipFixture.still(ClipFixture.plain(120, 200, new Color(20, 200, 20)), 1_000, 10, null);
        StitchRequest request =
                new StitchRequest(List.of(red, blue, green), W, H, FPS, 500, null, List.of(), false, null, 0, 1);
        StitchPlan plan = StitchPlan.of(request);
        List<BufferedImage> frames = ClipFixture.frames(stitcher.stitch(request).data());
        assertThat(frames).hasSize(plan.frames());

        StitchPlan.Span second = plan.clips().get(1);
        assertThat(second.overlapIn()).isEqualTo(15);
        for (int k = 0; k < second.start(); k++) {
            assertThat(blueShare(frames.get(k)))
                    .as("frame %d, the first clip alone", k)
                    .isLessThan(0.03);
        }
        for (int k = second.start(); k < second.start() + second.overlapIn(); k++) {
            assertThat(blueShare(frames.get(k)))
                    .as("frame %d, crossfading", k)
                    .isCloseTo(second.opacity(k), within(0.06));
        }
        StitchPlan.Span third = plan.clips().get(2);
        for (int k = second.start() + second.overlapIn(); k < third.start(); k++) {
            assertThat(blueShare(frames.get(k)))
                    .as("frame %d, the second clip alone", k)
                    .isGreaterThan(0.97);
        }
        BufferedImage last = frames.get(frames.size() - 1);
        for (int[] at : new int[][] {{2, 2}, {W - 3, H - 3}, {W / 2, H / 2}}) {
            Color c = new Color(last.getRGB(at[0], at[1]));
            assertThat(c.getGreen())
                    .as("the smaller clip covers the frame at %d,%d", at[0], at[1])
                    .isGreaterThan(170);
            assertThat(c.getRed() + c.getBlue()).isLessThan(90);
        }
    }

    /** How far a frame is from the red clip towards the blue one, 0 to 1, from its centre's colour. */
    private static double blueShare(BufferedImage frame) {
        Color c = new Color(frame.getRGB(W / 2, H / 2));
        return Math.max(0, Math.min(1, (c.getBlue() - 20) / 200.0));
    }
}
