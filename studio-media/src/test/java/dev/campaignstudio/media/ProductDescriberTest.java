package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.AnalysisRequest;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductDescriberTest {

    private final ProductDescriber describer = new ProductDescriber();
    private final byte[] teal = Images.png(SyntheticPhotos.bottleOnTexture(240, 320, new Color(20, 130, 140), 1)
            .product());

    @Test
    void findsTheDominantColoursAndGuessesTheCategory() throws Exception {
        ProductFacts facts = describer.analyze(
                new AnalysisRequest(teal, "Aurora Water Bottle", Map.of("brand", "Aurora"), "summer"));
        PaletteColor first = facts.palette().get(0);
        double[] expected = Lab.fromRgb(20, 130, 140);
        assertThat(Lab.distance(new double[] {first.l(), first.a(), first.b()}, expected))
                .isLessThan(8);
        assertThat(first.share()).isGreaterThan(0.5);
        assertThat(facts.palette()).anySatisfy(c -> assertThat(c.l()).isGreaterThan(85));
        assertThat(facts.category()).isEqualTo("drinkware");
        assertThat(facts.keywords()).contains("Aurora", "teal");
        assertThat(facts.aspect()).isBetween(0.3, 0.7);
        assertThat(facts.brightness()).isBetween(30.0, 80.0);
    }

    @Test
    void theSameInputGivesTheSameFacts() throws Exception {
        AnalysisRequest request = new AnalysisRequest(teal, "Thing", Map.of("category", "Kitchen"), null);
        assertThat(describer.analyze(request)).isEqualTo(describer.analyze(request));
        assertThat(describer.analyze(request).category()).isEqualTo("kitchen");
    }

    @Test
    void namesColours() {
        assertThat(ProductDescriber.colourName(new PaletteColor("#ff0000", 53, 80, 67, 1)))
                .isEqualTo("red");
        assertThat(ProductDescriber.colourName(new PaletteColor("#ffffff", 100, 0, 0, 1)))
                .isEqualTo("white");
        assertThat(ProductDescriber.colourName(new PaletteColor("#0000ff", 32, 79, -108, 1)))
                .isEqualTo("blue");
        assertThat(List.of("green")).contains(ProductDescriber.colourName(new PaletteColor("#00ff00", 88, -86, 83, 1)));
    }
}
