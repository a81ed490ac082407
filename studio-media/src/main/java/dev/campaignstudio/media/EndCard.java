package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The closing card of an assembly: on a light studio backdrop, the product's cut-out large in the upper part, its name
 * under it in dark bold type and the call to action in a dark pill under that, all fading in; without a cut-out, the
 * name and the call alone, centred. Text never covers the product: it is laid out below it.
 */
final class EndCard {

    private static final Color TOP = new Color(247, 245, 241);
    private static final Color BOTTOM = new Color(221, 224, 229);
    private static final Color INK = new Color(20, 22, 28);
    private static final int MAX_NAME_LINES = 2;

    private final int width;
    private final int height;
    private final BufferedImage product;
    private final Rectangle productBox;
    private final String name;
    private final String call;

    EndCard(StitchRequest request, BufferedImage cutOut) {
        this.width = request.width();
        this.height = request.height();
        this.product = cutOut == null ? null : SceneRenderer.trimmed(cutOut);
        this.name = request.endCard();
        this.call = request.callToAction();
        this.productBox = product == null ? null : fit(product, width, height);
    }

    /** Where the product stands on the card, or {@code null} without a cut-out. */
    Rectangle productBox() {
        return productBox;
    }

    /** The card with its content at {@code fadeIn} opacity (0-1); tells {@code log} of the text drawn at {@code timeMs}. */
    BufferedImage frame(double fadeIn, long timeMs, TextLog log) {
        BufferedImage card = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = Images.quality(card.createGraphics());
        g.setPaint(new GradientPaint(0, 0, TOP, 0, height, BOTTOM));
        g.fillRect(0, 0, width, height);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0, Math.min(1, fadeIn))));
        int y;
        if (productBox != null) {
            g.setColor(new Color(0, 0, 0, 40));
            g.fill(new Ellipse2D.Double(
                    productBox.getCenterX() - productBox.width * 0.55,
                    productBox.getMaxY() - height * 0.012,
                    productBox.width * 1.1,
                    height * 0.024));
            g.drawImage(Images.scaled(product, productBox.width, productBox.height), productBox.x, productBox.y, null);
            y = (int) (productBox.getMaxY() + height * 0.045);
        } else {
            y = (int) (height * 0.4);
        }
        if (name != null && !name.isBlank()) {
            Rectangle box = name(g, y);
            log.drawn(timeMs, box);
            y = (int) (box.getMaxY() + height * 0.025);
        }
        if (call != null && !call.isBlank()) {
            log.drawn(timeMs, pill(g, y));
        }
        g.dispose();
        return card;
    }

    /** The product fitted into the upper part: at most 70 % of the width and 46 % of the height, from 12 % down. */
    private static Rectangle fit(BufferedImage product, int width, int height) {
        double scale = Math.min(width * 0.7 / product.getWidth(), height * 0.46 / product.getHeight());
        int w = Math.max(1, (int) Math.round(product.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(product.getHeight() * scale));
        return new Rectangle((width - w) / 2, (int) Math.round(height * 0.12), w, h);
    }

    private Rectangle name(Graphics2D g, int top) {
        float size = Math.max(10, Math.min(width / 12f, height / 16f));
        int maxWidth = (int) (width * 0.84);
        FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
        List<String> lines = SceneRenderer.wrap(name, metrics, maxWidth);
        while ((lines.size() > MAX_NAME_LINES || widest(lines, metrics) > maxWidth) && size > 8) {
            size *= 0.9f;
            metrics = g.getFontMetrics(Fonts.bold(size));
            lines = SceneRenderer.wrap(name, metrics, maxWidth);
        }
        g.setFont(metrics.getFont());
        g.setColor(INK);
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            widths.add(metrics.stringWidth(line));
            g.drawString(
                    line,
                    (width - metrics.stringWidth(line)) / 2f,
                    top + metrics.getAscent() + i * metrics.getHeight());
        }
        int blockWidth = widths.stream().mapToInt(Integer::intValue).max().orElse(0);
        return ClearSpace.block(top, blockWidth, lines.size() * metrics.getHeight(), width);
    }

    private Rectangle pill(Graphics2D g, int top) {
        float size = Math.max(9, Math.min(width / 20f, height / 28f));
        FontMetrics metrics = g.getFontMetrics(Fonts.bold(size));
        while (metrics.stringWidth(call) > width * 0.7 && size > 8) {
            size *= 0.9f;
            metrics = g.getFontMetrics(Fonts.bold(size));
        }
        int padX = Math.round(size * 1.1f);
        int padY = Math.round(size * 0.55f);
        int w = metrics.stringWidth(call) + 2 * padX;
        int h = metrics.getAscent() + metrics.getDescent() + 2 * padY;
        Rectangle box = ClearSpace.block(top, w, h, width);
        g.setColor(INK);
        g.fill(new RoundRectangle2D.Double(box.x, box.y, w, h, h, h));
        g.setColor(Color.WHITE);
        g.setFont(metrics.getFont());
        g.drawString(call, box.x + padX, box.y + padY + metrics.getAscent());
        return box;
    }

    private static int widest(List<String> lines, FontMetrics metrics) {
        return lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
    }
}
