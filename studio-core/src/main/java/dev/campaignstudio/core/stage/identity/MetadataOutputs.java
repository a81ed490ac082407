package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code metadata} step recorded, as the stages after it read it. Checkpoints of older versions may lack the
 * analysis's figures: a missing palette or keyword list reads as empty, a missing number as 0, a missing category as
 * {@code product}.
 *
 * @param name        the product's name
 * @param brand       the client's brand, or {@code null}
 * @param category    the client's category, else the analysis's guess, or {@code null}
 * @param description the client's description, or {@code null}
 * @param colors      the client's colour names
 * @param facts       the analysis's facts (palette, brightness, aspect, category, keywords)
 */
public record MetadataOutputs(
        String name, String brand, String category, String description, List<String> colors, ProductFacts facts) {

    /** Key of the product's name. */
    public static final String NAME = "name";
    /** Key of the client's brand. */
    public static final String BRAND = "brand";
    /** Key of the category. */
    public static final String CATEGORY = "category";
    /** Key of the analysis's category guess. */
    public static final String CATEGORY_GUESS = "category_guess";
    /** Key of the client's description. */
    public static final String DESCRIPTION = "description";
    /** Key of the client's colour names. */
    public static final String COLORS = "colors";
    /** Key of the palette: objects of {@link #HEX}, {@link #SHARE}, {@link #L}, {@link #A}, {@link #B}. */
    public static final String PALETTE = "palette";
    /** Key of the brightness. */
    public static final String BRIGHTNESS = "brightness";
    /** Key of the aspect (width over height). */
    public static final String ASPECT = "aspect";
    /** Key of the keywords. */
    public static final String KEYWORDS = "keywords";
    /** Key of a palette colour's {@code #rrggbb}. */
    public static final String HEX = "hex";
    /** Key of a palette colour's share of the product. */
    public static final String SHARE = "share";
    /** Key of a palette colour's CIELAB lightness. */
    public static final String L = "l";
    /** Key of a palette colour's CIELAB a. */
    public static final String A = "a";
    /** Key of a palette colour's CIELAB b. */
    public static final String B = "b";

    public MetadataOutputs {
        colors = List.copyOf(colors);
    }

    /** Reads a {@code metadata} step's outputs. */
    public static MetadataOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.METADATA, outputs));
    }

    /** Reads the outputs of the job's {@code metadata} step, which has finished. */
    public static MetadataOutputs of(StepContext context) {
        return read(StageOutputs.of(context, Stages.METADATA));
    }

    /** The palette as {@code #rrggbb} strings, most common first. */
    public List<String> hexes() {
        return facts.palette().stream().map(PaletteColor::hex).toList();
    }

    private static MetadataOutputs read(StageOutputs outputs) {
        List<PaletteColor> palette = outputs.objectsOrNone(PALETTE).stream()
                .map(c -> new PaletteColor(
                        c.text(HEX), c.realOr(L, 0), c.realOr(A, 0), c.realOr(B, 0), c.realOr(SHARE, 0)))
                .toList();
        String category = outputs.textOrNull(CATEGORY);
        ProductFacts facts = new ProductFacts(
                palette,
                outputs.realOr(BRIGHTNESS, 0),
                outputs.realOr(ASPECT, 0),
                category == null ? "product" : category,
                outputs.textsOrNone(KEYWORDS));
        return new MetadataOutputs(
                outputs.text(NAME),
                outputs.textOrNull(BRAND),
                category,
                outputs.textOrNull(DESCRIPTION),
                outputs.textsOrNone(COLORS),
                facts);
    }
}
