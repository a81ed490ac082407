package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.TimedText;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * Headline overlays (a hook in the first seconds, say): near-black bold text, an eleventh of the frame's width high, on
 * a solid white rounded band centred near the top ({@link #TOP} of the height down), at most three lines, shrunk until
 * it fits. Several active at once stack downwards.
 */
final class Headlines {

    /** Where the first band starts, as a share of the frame's height (below a phone's status bar). */
    static final double TOP = 0.08;

    private static final Color BAND = new Color(250, 250, 248);
    private static final Color INK = new Color(18, 18, 22);
    private static final int MAX_LINES = 3;

    private Headlines() {
    }

    /** Draws the overlays active at {@code timeMs}. */
    static void draw(Graphics2D g, List<TimedText> overlays, long timeMs, int width, int height) {
        double top = height * TOP;
        for (TimedText overlay : overlays) {
            if (timeMs >= overlay.startMs() && timeMs < overlay.endMs()) {
                top += band(g, overlay.text(), width, top) + height * 0.015;
            }
        }
    }

    /** Draws one band with its top at {@code top}; returns its height. */
    private static double band(Graphics2D g, String text, int width, double top) {
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
        double bandW = widest(lines, metrics) + 2 * padX;
        double bandH = lines.size() * lineHeight + 2 * padY;
        g.setColor(BAND);
        g.fill(new RoundRectangle2D.Double((width - bandW) / 2, top, bandW, bandH, size * 0.8, size * 0.8));
        g.setColor(INK);
        g.setFont(metrics.getFont());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            g.drawString(line, (float) ((width - metrics.stringWidth(line)) / 2.0), (float) (top + padY + metrics.getAscent() + i * lineHeight));
        }
        return bandH;
    }

    private static int widest(List<String> lines, FontMetrics metrics) {
        return lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
    }
}
