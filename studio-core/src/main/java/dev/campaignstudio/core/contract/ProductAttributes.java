package dev.campaignstudio.core.contract;

import java.util.List;

/**
 * Optional facts about a product that steer generation.
 *
 * @param brand       brand name, or {@code null}
 * @param category    product category in the client's words, or {@code null}
 * @param colors      colour names or hex values, possibly empty
 * @param description free text, or {@code null}
 */
public record ProductAttributes(String brand, String category, List<String> colors, String description) {

    /** No attributes at all. */
    public static final ProductAttributes NONE = new ProductAttributes(null, null, List.of(), null);

    public ProductAttributes {
        Require.optionalText(brand, "brand", Limits.ATTRIBUTE_MAX);
        Require.optionalText(category, "category", Limits.ATTRIBUTE_MAX);
        colors = colors == null ? List.of() : List.copyOf(colors);
        if (colors.size() > Limits.COLORS_MAX) {
            throw new IllegalArgumentException("at most " + Limits.COLORS_MAX + " colors");
        }
        Require.optionalText(description, "description", Limits.DESCRIPTION_MAX);
    }
}
