package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.TimedText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.List;

/** Burned-in captions: bold white words with a dark outline, on the lower third, wrapped to the frame. */
final class Captions {

    private Captions() {
    }

    /** Draws the captions active at {@code timeMs}. */
    static void draw(Graphics2D g, List<TimedText> captions, long timeMs, int width, int height) {
        for (TimedText caption : captions) {
            if (timeMs >= caption.startMs() && timeMs < caption.endMs()) {
                text(g, caption.text(), width, height, 0.74);
            }
        }
    }

    /** Draws {@code text} centred at {@code heightShare} of the frame, outlined so it reads on any picture. */
    static void text(Graphics2D g, String text, int width, int height, double heightShare) {
        float size = Math.max(10, width / 14f);
        g.setFont(Fonts.bold(size));
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = SceneRenderer.wrap(text, metrics, (int) (width * 0.86));
        int lineHeight = metrics.getHeight();
        int top = (int) (height * heightShare) - lines.size() * lineHeight / 2;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            TextLayout layout = new TextLayout(line, g.getFont(), g.getFontRenderContext());
            float x = (width - metrics.stringWidth(line)) / 2f;
            float y = top + metrics.getAscent() + i * lineHeight;
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            g.setColor(new Color(0, 0, 0, 200));
            g.setStroke(new BasicStroke(Math.max(2, size / 7), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
            g.setColor(Color.WHITE);
            g.fill(outline);
        }
    }
}
