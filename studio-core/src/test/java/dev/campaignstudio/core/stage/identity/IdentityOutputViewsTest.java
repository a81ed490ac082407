package dev.campaignstudio.core.stage.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.contract.Style;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed views of identity stages' outputs, against the keys their checkpoints are stored with; older checkpoints
 * may lack the analysis's figures, and still read.
 */
class IdentityOutputViewsTest {

    @Test
    void metadataReadsTheClientsFactsAndTheAnalysis() {
        Map<String, Object> stored = Map.of(
                "name",
                "Aurora Bottle",
                "brand",
                "Aurora",
                "category",
                "bottle",
                "category_guess",
                "bottle",
                "colors",
                List.of("teal"),
                "palette",
                List.of(Map.of("hex", "#1a9e8f", "share", 0.62, "l", 58.1, "a", -38.2, "b", 2.5)),
                "brightness",
                0.6,
                "aspect",
                0.375,
                "keywords",
                List.of("steel", "insulated"));

        MetadataOutputs read = MetadataOutputs.of(stored);

        assertThat(read.name()).isEqualTo("Aurora Bottle");
        assertThat(read.brand()).isEqualTo("Aurora");
        assertThat(read.description()).isNull();
        assertThat(read.colors()).containsExactly("teal");
        assertThat(read.facts().palette()).containsExactly(new PaletteColor("#1a9e8f", 58.1, -38.2, 2.5, 0.62));
        assertThat(read.facts().aspect()).isEqualTo(0.375);
        assertThat(read.facts().keywords()).containsExactly("steel", "insulated");
        assertThat(read.hexes()).containsExactly("#1a9e8f");
    }

    @Test
    void metadataWithoutTheAnalysisReadsAsAnUnknownProduct() {
        MetadataOutputs read = MetadataOutputs.of(Map.of("name", "Aurora Bottle"));

        assertThat(read.facts().palette()).isEmpty();
        assertThat(read.facts().keywords()).isEmpty();
        assertThat(read.facts().category()).isEqualTo("product");
        assertThat(read.facts().brightness()).isZero();
    }

    @Test
    void metadataWithoutTheNameNamesTheStageAndTheKey() {
        assertThatThrownBy(() -> MetadataOutputs.of(Map.of("brand", "Aurora")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage metadata has no output name");
    }

    @Test
    void aNeutralImageReadsTheChosenCutOutAndAllOfThem() {
        NeutralImageOutputs read = NeutralImageOutputs.of(Map.of(
                "neutral_image", "01JB", "chosen_image", 2, "reason", "sharpest", "cutouts", List.of("01JA", "01JB")));

        assertThat(read).isEqualTo(new NeutralImageOutputs("01JB", List.of("01JA", "01JB"), "sharpest"));
        assertThat(NeutralImageOutputs.of(Map.of("neutral_image", "01JB")).cutOuts())
                .isEmpty();
        assertThatThrownBy(() -> NeutralImageOutputs.of(Map.of("cutouts", List.of("01JA"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stage neutral_image has no output neutral_image");
    }

    @Test
    void storyboardSeedsReadEachConceptAndItsLook() {
        StoryboardSeedsOutputs read = StoryboardSeedsOutputs.of(Map.of(
                "concepts",
                List.of(
                        Map.of(
                                "title",
                                "Desk to trail",
                                "angle",
                                "a",
                                "hook",
                                "h",
                                "scene_ideas",
                                List.of("desk", "trail"),
                                "style",
                                "outdoor"),
                        Map.of("title", "Any look", "scene_ideas", List.of(), "style", "auto"))));

        assertThat(read.concepts()).hasSize(2);
        assertThat(read.concepts().get(0).sceneIdeas()).containsExactly("desk", "trail");
        assertThat(read.concepts().get(0).styleOr(Style.STUDIO)).isEqualTo(Style.OUTDOOR);
        assertThat(read.concepts().get(1).styleOr(Style.STUDIO)).isEqualTo(Style.STUDIO);
        assertThat(StoryboardSeedsOutputs.of(Map.of()).concepts()).isEmpty();
    }
}
