package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.FidelityCheck.ClipRequest;
import dev.campaignstudio.core.capability.FidelityCheck.ClipScore;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.stage.fidelity.ClipLoop;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Clips scored by frames sampled through them (H.264 frames at the system tests' small sizes): a faithful clip of
 * every camera move, and a presenter holding the product, reach the clip thresholds (the stills' times
 * {@link ClipLoop#CLIP_SHARE}); a clip whose product was squashed does not. Colour is measured but not counted in a
 * clip's score (H.264's 4:2:0 chroma on a product 40 pixels wide moves it as far as a recolouring would).
 */
class ClipFidelityAdapterTest {

    private static final int WIDTH = 144;
    private static final int HEIGHT = 256;
    private static final int FPS = 10;
    /** The clip thresholds with the service's default still thresholds (0.8 and 0.7). */
    private static final double PRODUCT_ONLY = 0.8 * ClipLoop.CLIP_SHARE;

    private static final double WITH_MODEL = 0.7 * ClipLoop.CLIP_SHARE;

    private final LocalMedia local = new LocalMedia();
    private final byte[] product = MediaFixtures.product();

    @Test
    void aFaithfulClipOfEveryCameraMoveReachesTheProductOnlyThreshold() throws Exception {
        for (CameraMove move : CameraMove.values()) {
            ClipScore score = local.scoreClip(new ClipRequest(product, clip(scene(3), move), 3));
            assertThat(score.frameScores()).hasSize(3);
            assertThat(score.frameTimesMs()).isSorted();
            assertThat(score.weakest().score())
                    .as("%s: %s", move, score.frameScores())
                    .isGreaterThanOrEqualTo(PRODUCT_ONLY);
            assertThat(score.weakest().structure())
                    .as("the shape survives the encode")
                    .isGreaterThan(0.8);
            assertThat(Images.decode(score.weakestFrame().data()).getWidth()).isEqualTo(WIDTH);
        }
    }

    @Test
    void aPresenterHoldingTheProductReachesTheWithModelThreshold() throws Exception {
        Speech speech = local.speak(new SpeechRequest("Look at this, it goes everywhere with me.", "default", "en"));
        MediaFile clip =
                local.animate(new LipSyncRequest(speech, WIDTH, HEIGHT, FPS, MediaFixtures.PALETTE, 4, product));
        ClipScore score = local.scoreClip(new ClipRequest(product, clip, 3));
        assertThat(score.weakest().score()).as("%s", score.frameScores()).isGreaterThanOrEqualTo(WITH_MODEL);
    }

    @Test
    void aClipWhoseProductWasSquashedScoresBelowTheThresholdAndColourIsReportedNotCounted() throws Exception {
        SceneImage faithful = scene(5);
        SceneImage squashed = squashed(faithful);
        ClipScore score = local.scoreClip(new ClipRequest(product, clip(squashed, CameraMove.ZOOM_IN), 3));
        assertThat(score.weakest().score()).as("%s", score.weakest()).isLessThan(WITH_MODEL);
        assertThat(score.weakest().proportion())
                .as("the squash is what drifted")
                .isLessThan(0.5);
        ClipScore kept = local.scoreClip(new ClipRequest(product, clip(faithful, CameraMove.ZOOM_IN), 3));
        assertThat(kept.weakest().score())
                .isEqualTo(Math.min(
                        kept.weakest().structure(),
                        Math.min(kept.weakest().location(), kept.weakest().proportion())));
        assertThat(kept.weakest().colour()).as("measured").isPositive();
    }

    /** The scene with its product drawn at 55 % of its width over the scene's own background. */
    static SceneImage squashed(SceneImage scene) throws Exception {
        BufferedImage image = Images.decode(scene.image().data());
        BufferedImage background = Images.decode(scene.background().data());
        var box = scene.productBox();
        BufferedImage product = image.getSubimage(box.x(), box.y(), box.width(), box.height());
        BufferedImage out = Images.copy(background, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        int w = (int) Math.round(box.width() * 0.55);
        g.drawImage(product, box.x() + (box.width() - w) / 2, box.y(), w, box.height(), null);
        g.dispose();
        return new SceneImage(
                MediaFile.image(Images.png(out), "image/png", out.getWidth(), out.getHeight()),
                scene.background(),
                box);
    }

    private SceneImage scene(long seed) throws Exception {
        return local.generate(new ImageRequest(
                product,
                MediaFixtures.PALETTE,
                null,
                null,
                Aspect.PORTRAIT_9_16,
                HEIGHT,
                Style.STUDIO,
                Presentation.PRODUCT_ONLY,
                seed,
                0.3,
                Constraints.NONE));
    }

    private MediaFile clip(SceneImage scene, CameraMove move) throws Exception {
        return local.animate(new VideoRequest(scene, product, WIDTH, HEIGHT, 1_200, FPS, move, 1));
    }
}
