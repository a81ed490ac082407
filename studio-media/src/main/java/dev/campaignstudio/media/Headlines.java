package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.TimedText;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Headline overlays (a hook in the first seconds, say): near-black bold text, an eleventh of the frame's width high, on
 * a solid white rounded band centred near the top ({@link #TOP} of the height down), at most three lines, shrunk until
 * it fits. Several active at once stack downwards; each keeps clear of the product ({@link ClearSpace}).
 */
final class Headlines {

    /** Where the first band starts, as a share of the frame's height (below a phone's status bar). */
    static final double TOP = 0.08;

    private static final Color BAND = new Color(250, 250, 248);
    private static final Color INK = new Color(18, 18, 22);
    private static final int MAX_LINES = 3;

    private Headlines() {}

    /**
     * Draws the overlays active at {@code timeMs}, stacked downwards from the top, each moved down (or up) to the
     * nearest place clear of the product's boxes while it shows ({@code avoid} of the overlay).
     */
    static void draw(
            Graphics2D g,
            List<TimedText> overlays,
            long timeMs,
            int width,
            int height,
            Function<TimedText, List<Rectangle>> avoid,
            TextLog log) {
        double top = height * TOP;
        List<Rectangle> taken = new ArrayList<>();
        for (TimedText overlay : overlays) {
            if (timeMs >= overlay.startMs() && timeMs < overlay.endMs()) {
                List<Rectangle> clearOf = new ArrayList<>(avoid.apply(overlay));
                clearOf.addAll(taken);
                Rectangle box = band(g, overlay.text(), width, height, top, clearOf);
                log.drawn(timeMs, box);
                taken.add(box);
                top = box.getMaxY() + height * 0.015;
            }
        }
    }

    /** Draws one band with its top at {@code top} or the nearest place clear of {@code avoid}; returns its box. */
    private static Rectangle band(Graphics2D g, String text, int width, int height, double top, List<Rectangle> avoid) {
        float size = Math.max(10, width / 11f);
        int maxWidth = (int) (width * 0.78);
        FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
        List<String> lines = SceneRenderer.wrap(text, metrics, maxWidth);
        while ((lines.size() > MAX_LINES || widest(lines, metrics) > maxWidth) && size > 8) {
            size *= 0.9f;
            metrics = g.getFontMetrics(Fonts.bold(size));
            lines = SceneRenderer.wrap(text, metrics, maxWidth);
        }
        double padX = size * 0.55;
        double padY = size * 0.3;
        int lineHeight = metrics.getAscent() + metrics.getDescent();
        int bandW = (int) Math.ceil(widest(lines, metrics) + 2 * padX);
        int bandH = (int) Math.ceil(lines.size() * lineHeight + 2 * padY);
        int clear = ClearSpace.top((int) Math.round(top), bandW, bandH, width, height, avoid);
        int at = clear >= 0 ? clear : (int) Math.round(top);
        g.setColor(BAND);
        g.fill(new RoundRectangle2D.Double((width - bandW) / 2.0, at, bandW, bandH, size * 0.8, size * 0.8));
        g.setColor(INK);
        g.setFont(metrics.getFont());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            g.drawString(line, (float) ((width - metrics.stringWidth(line)) / 2.0), (float)
                    (at + padY + metrics.getAscent() + i * lineHeight));
        }
        return ClearSpace.block(at, bandW, bandH, width);
    }

    private static int widest(List<String> lines, FontMetrics metrics) {
        return lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
    }
}
