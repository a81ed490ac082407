package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SceneRendererTest {

    private final SceneRenderer renderer = new SceneRenderer();

    private SceneImage render(
            Aspect aspect, int longSide, Style style, Presentation presentation, long seed, String headline)
            throws Exception {
        return renderer.render(new ImageRequest(
                MediaFixtures.product(),
                MediaFixtures.PALETTE,
                headline,
                null,
                aspect,
                longSide,
                style,
                presentation,
                seed,
                0.4,
                Constraints.NONE));
    }

    @ParameterizedTest
    @CsvSource({"PORTRAIT_9_16,270,480", "SQUARE_1_1,480,480", "PORTRAIT_4_5,384,480", "LANDSCAPE_16_9,480,270"})
    void everyAspectHasItsSizeWithTheProductInside(Aspect aspect, int width, int height) throws Exception {
        for (Style style : new Style[] {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN}) {
            SceneImage scene = render(aspect, 480, style, Presentation.PRODUCT_ONLY, 2, "Cold for 24 hours");
            BufferedImage image = Images.decode(scene.image().data());
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
            assertThat(scene.image().width()).isEqualTo(width);
            assertThat(image.getRGB(0, 0) >>> 24).as("opaque").isEqualTo(255);
            var box = scene.productBox();
            assertThat(box.x()).isNotNegative();
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(width);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(height);
            int body = image.getRGB(box.x() + box.width() / 2 - box.width() / 8, box.y() + (int) (box.height() * 0.8));
            assertThat(Lab.distance(
                            Lab.fromRgb(body >> 16 & 0xFF, body >> 8 & 0xFF, body & 0xFF), Lab.fromRgb(20, 130, 140)))
                    .as("%s %s: the product's own colour is where the box says", aspect, style)
                    .isLessThan(12);
            assertThat(Images.decode(scene.background().data()).getWidth()).isEqualTo(width);
        }
    }

    @Test
    void theSameRequestRendersTheSameImageAndSeedsVary() throws Exception {
        byte[] one = render(Aspect.SQUARE_1_1, 256, Style.AUTO, Presentation.PRODUCT_ONLY, 5, "Hi")
                .image()
                .data();
        assertThat(render(Aspect.SQUARE_1_1, 256, Style.AUTO, Presentation.PRODUCT_ONLY, 5, "Hi")
                        .image()
                        .data())
                .isEqualTo(one);
        assertThat(render(Aspect.SQUARE_1_1, 256, Style.AUTO, Presentation.PRODUCT_ONLY, 6, "Hi")
                        .image()
                        .data())
                .isNotEqualTo(one);
    }

    @Test
    void aPresenterAndAHeadlineShowWhereTheyShould() throws Exception {
        BufferedImage alone =
                Images.decode(render(Aspect.PORTRAIT_9_16, 480, Style.STUDIO, Presentation.PRODUCT_ONLY, 3, null)
                        .image()
                        .data());
        BufferedImage withModel =
                Images.decode(render(Aspect.PORTRAIT_9_16, 480, Style.STUDIO, Presentation.WITH_MODEL, 3, null)
                        .image()
                        .data());
        assertThat(Probe.difference(alone.getSubimage(0, 150, 120, 250), withModel.getSubimage(0, 150, 120, 250)))
                .as("a presenter stands on the left")
                .isGreaterThan(10);
        BufferedImage titled = Images.decode(
                render(Aspect.PORTRAIT_9_16, 480, Style.STUDIO, Presentation.PRODUCT_ONLY, 3, "Big summer sale")
                        .image()
                        .data());
        assertThat(Probe.difference(alone.getSubimage(0, 0, 270, 90), titled.getSubimage(0, 0, 270, 90)))
                .as("the headline is set at the top")
                .isGreaterThan(2);
    }

    @Test
    void aFullSizeImage() throws Exception {
        SceneImage scene =
                render(Aspect.PORTRAIT_9_16, 1920, Style.SURFACE, Presentation.MIXED, 8, "Made to go anywhere");
        BufferedImage image = Images.decode(scene.image().data());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1920);
    }
}
