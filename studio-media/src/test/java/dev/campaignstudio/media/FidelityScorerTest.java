package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fidelity score tells a faithful render from a recoloured, warped or replaced product, on every background style. */
class FidelityScorerTest {

    private final FidelityScorer scorer = new FidelityScorer();
    private final SceneRenderer renderer = new SceneRenderer();
    private final BufferedImage product =
            SceneRenderer.trimmed(SyntheticPhotos.bottleOnTexture(300, 400, new Color(20, 130, 140), 1)
                    .product());
    private final byte[] reference = Images.png(product);

    private FidelityScore scoreOf(BufferedImage shown, Style style, long seed) throws Exception {
        SceneImage scene = renderer.render(new ImageRequest(
                Images.png(shown),
                List.of("#14828c", "#f5f5f0"),
                "Stay cool",
                null,
                Aspect.PORTRAIT_4_5,
                480,
                style,
                Presentation.PRODUCT_ONLY,
                seed,
                0.5,
                Constraints.NONE));
        return scorer.score(new FidelityRequest(reference, scene.image().data()));
    }

    @ParameterizedTest
    @EnumSource(
            value = Style.class,
            names = {"STUDIO", "GRADIENT", "SURFACE", "OUTDOOR", "PATTERN"})
    void aFaithfulCompositeScoresHigh(Style style) throws Exception {
        FidelityScore score = scoreOf(product, style, 7);
        assertThat(score.score()).as("%s: %s", style, score).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @EnumSource(
            value = Style.class,
            names = {"STUDIO", "GRADIENT", "SURFACE", "OUTDOOR", "PATTERN"})
    void aProductWithItsHueTurnedSixtyDegreesOrMoreScoresLow(Style style) throws Exception {
        for (int degrees : new int[] {60, 180}) {
            FidelityScore score = scoreOf(hueRotated(product, degrees), style, 7);
            assertThat(score.score())
                    .as("%s, hue +%d: %s", style, degrees, score)
                    .isLessThan(0.5);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Style.class,
            names = {"STUDIO", "GRADIENT", "SURFACE", "OUTDOOR", "PATTERN"})
    void aWarpedProductScoresLow(Style style) throws Exception {
        FidelityScore squashed = scoreOf(transformed(product, AffineTransform.getScaleInstance(0.55, 1.0)), style, 7);
        assertThat(squashed.score()).as("%s squashed: %s", style, squashed).isLessThan(0.5);
        FidelityScore sheared = scoreOf(transformed(product, AffineTransform.getShearInstance(0.45, 0)), style, 7);
        assertThat(sheared.score()).as("%s sheared: %s", style, sheared).isLessThan(0.5);
    }

    @ParameterizedTest
    @EnumSource(
            value = Style.class,
            names = {"STUDIO", "GRADIENT", "SURFACE", "OUTDOOR", "PATTERN"})
    void anotherObjectInItsPlaceScoresLow(Style style) throws Exception {
        BufferedImage other = new BufferedImage(product.getWidth(), product.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = Images.quality(other.createGraphics());
        g.setColor(new Color(200, 60, 40));
        g.fillOval(0, other.getHeight() / 4, other.getWidth(), other.getHeight() / 2);
        g.setColor(new Color(250, 210, 60));
        g.fillRect(other.getWidth() / 3, 0, other.getWidth() / 3, other.getHeight());
        g.dispose();
        FidelityScore score = scoreOf(other, style, 7);
        assertThat(score.score()).as("%s other object: %s", style, score).isLessThan(0.5);
    }

    static BufferedImage hueRotated(BufferedImage image, int degrees) {
        return ProductDrift.hueTurned(image, degrees);
    }

    static BufferedImage transformed(BufferedImage image, AffineTransform transform) {
        return ProductDrift.transformed(image, transform);
    }
}
