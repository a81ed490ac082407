package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * High creative variation makes the local renderer drift the product itself, in ways the fidelity score catches; the
 * constraints a regeneration sets take the drift away again.
 */
class ProductDriftTest {

    private static final Aspect[] ASPECTS = {Aspect.SQUARE_1_1, Aspect.PORTRAIT_9_16, Aspect.LANDSCAPE_16_9};
    private static final Style[] STYLES = {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN};

    private final byte[] product = MediaFixtures.product();
    private final BufferedImage cutOut = decoded(product);
    private final SceneRenderer renderer = new SceneRenderer();
    private final FidelityScorer scorer = new FidelityScorer();

    private static BufferedImage decoded(byte[] png) {
        try {
            return Images.decode(png);
        } catch (StepFault e) {
            throw new IllegalStateException(e);
        }
    }

    private FidelityScore score(int seed, Presentation presentation, Constraints constraints) throws Exception {
        ImageRequest request = new ImageRequest(
                product,
                MediaFixtures.PALETTE,
                "Cold for 24 hours, every day",
                null,
                ASPECTS[seed % 3],
                480,
                STYLES[seed % 5],
                presentation,
                seed,
                1.0,
                constraints);
        return scorer.score(
                new FidelityRequest(product, renderer.render(request).image().data()));
    }

    private boolean drifts(int seed, Constraints constraints) {
        return ProductDrift.apply(cutOut, 1.0, constraints, seed) != cutOut;
    }

    @Test
    void atFullVariationMostGenerationsDriftAndEveryDriftScoresBelowTheLoosestThreshold() throws Exception {
        Constraints free = new Constraints(false, 0, 1);
        List<String> drifted = new ArrayList<>();
        for (int seed = 0; seed < 16; seed++) {
            FidelityScore score = score(seed, Presentation.PRODUCT_ONLY, free);
            if (drifts(seed, free)) {
                drifted.add(seed + ": " + score);
                assertThat(score.score()).as("seed %d drifted: %s", seed, score).isLessThan(0.7);
            } else {
                assertThat(score.score())
                        .as("seed %d kept the product: %s", seed, score)
                        .isGreaterThanOrEqualTo(0.8);
            }
        }
        assertThat(drifted).as("drifted generations").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void stylisationOffKeepsTheProductFaithfulInEveryCompositionEvenAtFullVariation() throws Exception {
        Constraints none = new Constraints(false, 0, 0);
        for (int seed = 0; seed < 15; seed++) {
            assertThat(drifts(seed, none)).isFalse();
            FidelityScore alone = score(seed, Presentation.PRODUCT_ONLY, none);
            assertThat(alone.score()).as("seed %d alone: %s", seed, alone).isGreaterThanOrEqualTo(0.8);
            FidelityScore presented = score(seed, Presentation.WITH_MODEL, none);
            assertThat(presented.score())
                    .as("seed %d with a presenter: %s", seed, presented)
                    .isGreaterThanOrEqualTo(0.7);
        }
    }

    @Test
    void aLockedPaletteLetsTheShapeDriftButNeverTheColours() {
        Constraints locked = new Constraints(true, 0, 1);
        double[] own = meanColour(cutOut);
        int drifted = 0;
        for (int seed = 0; seed < 30; seed++) {
            BufferedImage drawn = ProductDrift.apply(cutOut, 1.0, locked, seed);
            if (drawn != cutOut) {
                drifted++;
                double[] mean = meanColour(drawn);
                for (int channel = 0; channel < 3; channel++) {
                    assertThat(Math.abs(mean[channel] - own[channel]))
                            .as("seed %d channel %d", seed, channel)
                            .isLessThan(12);
                }
            }
        }
        assertThat(drifted).as("shape drifts with the palette locked").isGreaterThan(10);
    }

    /** Mean red, green and blue of the opaque pixels. */
    private static double[] meanColour(BufferedImage image) {
        double[] sum = new double[3];
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 200) {
                    sum[0] += argb >> 16 & 0xFF;
                    sum[1] += argb >> 8 & 0xFF;
                    sum[2] += argb & 0xFF;
                    count++;
                }
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    @Test
    void variationUpToOneHalfNeverDrifts() {
        assertThat(ProductDrift.amount(0.5, Constraints.NONE)).isZero();
        assertThat(ProductDrift.amount(0.75, new Constraints(false, 0, 0.5))).isEqualTo(0.25);
        for (int seed = 0; seed < 50; seed++) {
            assertThat(ProductDrift.apply(cutOut, 0.5, Constraints.NONE, seed)).isSameAs(cutOut);
        }
    }
}
