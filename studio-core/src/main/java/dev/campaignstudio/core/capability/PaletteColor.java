package dev.campaignstudio.core.capability;

/**
 * One dominant colour of a product.
 *
 * @param hex   {@code #rrggbb}
 * @param l     CIE L* (0-100)
 * @param a     CIE a*
 * @param b     CIE b*
 * @param share fraction of the product's pixels nearest to it (0-1)
 */
public record PaletteColor(String hex, double l, double a, double b, double share) {

    public PaletteColor {
        if (hex == null || !hex.matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("a palette colour is #rrggbb in lower case");
        }
    }
}
