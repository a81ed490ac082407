package dev.campaignstudio.media;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * One line of text made to fit a width: set at the size its box's height allows, shrunk down to a floor, and beyond
 * that cut with an ellipsis.
 *
 * @param text    what to draw (possibly ellipsized)
 * @param font    at the size that fits
 * @param metrics the font's metrics
 */
record FittedText(String text, Font font, FontMetrics metrics) {

    private static final String ELLIPSIS = "\u2026";

    /**
     * Fits {@code text} on one line.
     *
     * @param g         metrics come from it
     * @param text      the text
     * @param face      the typeface, at any size
     * @param size      the size wanted, in pixels
     * @param minSize   the smallest size allowed before cutting
     * @param maxWidth  the width the text must stay within
     */
    static FittedText fit(Graphics2D g, String text, Font face, float size, float minSize, int maxWidth) {
        String line = text.replaceAll("\\s+", " ").trim();
        float current = Math.max(1, size);
        Font font = face.deriveFont(current);
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(line) > maxWidth && current > minSize) {
            current = Math.max(minSize, current * 0.9f);
            font = face.deriveFont(current);
            metrics = g.getFontMetrics(font);
        }
        return new FittedText(ellipsized(line, metrics, maxWidth), font, metrics);
    }

    /**
     * One size for several lines that share a look (labels of a grid): the largest, up to {@code size}, at which every
     * one fits {@code maxWidth}, or {@code minSize} when some must be ellipsized anyway.
     */
    static float commonSize(Graphics2D g, List<String> texts, Font face, float size, float minSize, int maxWidth) {
        float common = size;
        for (String text : texts) {
            common = Math.min(
                    common, fit(g, text, face, common, minSize, maxWidth).font().getSize2D());
        }
        return common;
    }

    /** {@code text} cut to the longest start that, with an ellipsis, fits {@code maxWidth}; empty when nothing fits. */
    static String ellipsized(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (metrics.stringWidth(text.substring(0, mid).stripTrailing() + ELLIPSIS) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        String cut = text.substring(0, low).stripTrailing();
        return cut.isEmpty() && metrics.stringWidth(ELLIPSIS) > maxWidth ? "" : cut + ELLIPSIS;
    }

    /** Pixels across. */
    int width() {
        return metrics.stringWidth(text);
    }

    /** Draws the line at {@code x}, centred vertically in the band from {@code top} of {@code height}. */
    void draw(Graphics2D g, int x, int top, int height) {
        g.setFont(font);
        int baseline = top + (height - (metrics.getAscent() + metrics.getDescent())) / 2 + metrics.getAscent();
        g.drawString(text, x, baseline);
    }
}
