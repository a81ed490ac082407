package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.SheetRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out a product's character sheet in Java2D on a neutral light background: the first cut-out large on the left
 * with a soft floor shadow; a grid of labelled tiles with the other cut-outs, the first mirrored and two close-ups of
 * it (its top third and a middle detail, scaled up); palette swatches with their hex values; the name as title and the
 * attributes as {@code label: value} lines. Geometry comes from {@link SheetLayout}; every text is fitted to its region
 * (shrunk, then ellipsized) and drawn clipped to it. The same request makes the same bytes.
 */
final class CharacterSheetRenderer {

    static final Color BACKGROUND = new Color(243, 242, 239);
    static final Color CARD = Color.WHITE;
    static final Color EDGE = new Color(220, 218, 213);
    static final Color INK = new Color(31, 31, 31);
    static final Color MUTED = new Color(107, 107, 107);

    MediaFile render(SheetRequest request) throws StepFault {
        List<BufferedImage> views = new ArrayList<>();
        for (byte[] cutOut : request.cutOuts()) {
            views.add(SceneRenderer.trimmed(Images.decode(cutOut)));
        }
        SheetLayout layout = SheetLayout.of(request);
        BufferedImage sheet = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.quality(sheet.createGraphics());
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, layout.width(), layout.height());
        hero(g, layout, views.get(0));
        title(g, layout.title(), request.name());
        attributes(g, layout.attributes(), request.attributes());
        swatches(g, layout, request.palette());
        List<Tile> tiles = tiles(views);
        float labelSize = tileLabelSize(g, layout, tiles);
        for (int i = 0; i < tiles.size(); i++) {
            tile(
                    g,
                    layout.tiles().get(i),
                    layout.tileImages().get(i),
                    layout.tileLabels().get(i),
                    tiles.get(i),
                    labelSize);
        }
        g.dispose();
        return MediaFile.image(Images.png(sheet), "image/png", layout.width(), layout.height());
    }

    /** One view in the strip. */
    record Tile(String label, BufferedImage image) {}

    /** Tile names in strip order for a sheet of {@code cutOuts} sources. */
    static List<String> tileLabels(int cutOuts) {
        List<String> labels = new ArrayList<>();
        for (int i = 2; i <= cutOuts; i++) {
            labels.add("view " + i);
        }
        labels.addAll(List.of("mirrored", "close-up: top", "close-up: middle"));
        return labels;
    }

    private static List<Tile> tiles(List<BufferedImage> views) {
        List<String> labels = tileLabels(views.size());
        List<Tile> tiles = new ArrayList<>();
        for (int i = 1; i < views.size(); i++) {
            tiles.add(new Tile(labels.get(i - 1), views.get(i)));
        }
        BufferedImage first = views.get(0);
        int w = first.getWidth();
        int h = first.getHeight();
        int side = Math.max(1, Math.min(w, h) / 2);
        tiles.add(new Tile(labels.get(views.size() - 1), mirrored(first)));
        tiles.add(new Tile(labels.get(views.size()), first.getSubimage(0, 0, w, Math.max(1, (h + 2) / 3))));
        tiles.add(
                new Tile(labels.get(views.size() + 1), first.getSubimage((w - side) / 2, (h - side) / 2, side, side)));
        return tiles;
    }

    /** The image flipped left to right, pixel for pixel. */
    static BufferedImage mirrored(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage flipped = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w / 2; x++) {
                int swap = row[x];
                row[x] = row[w - 1 - x];
                row[w - 1 - x] = swap;
            }
            flipped.setRGB(0, y, w, 1, row, 0, w);
        }
        return flipped;
    }

    private static void hero(Graphics2D g, SheetLayout layout, BufferedImage product) {
        Box panel = layout.hero();
        Graphics2D p = Images.clipped(g, panel);
        int floor = panel.y() + Math.round(panel.height() * 0.88f);
        p.setPaint(new GradientPaint(0, panel.y(), Color.WHITE, 0, floor, new Color(234, 233, 229)));
        p.fillRect(panel.x(), panel.y(), panel.width(), floor - panel.y());
        p.setPaint(new GradientPaint(
                0, floor, new Color(226, 225, 221), 0, SheetLayout.bottom(panel), new Color(240, 239, 236)));
        p.fillRect(panel.x(), floor, panel.width(), SheetLayout.bottom(panel) - floor);
        Box box = layout.heroProduct(product.getWidth(), product.getHeight());
        shadow(p, box);
        p.drawImage(product, box.x(), box.y(), box.width(), box.height(), null);
        p.setColor(MUTED);
        Box label = layout.heroLabel();
        FittedText.fit(p, "front", Fonts.bold(1), label.height() * 0.8f, 4, label.width())
                .draw(p, label.x(), label.y(), label.height());
        p.dispose();
    }

    /** A soft elliptical shadow where the product meets the floor, as a radial gradient (cheap at any size). */
    private static void shadow(Graphics2D g, Box box) {
        float rx = Math.max(2, box.width() * 0.62f);
        float ry = Math.max(1, box.height() * 0.045f);
        float cx = box.x() + box.width() / 2f;
        float cy = SheetLayout.bottom(box);
        AffineTransform squash = new AffineTransform(1, 0, 0, ry / rx, 0, cy - cy * ry / rx);
        g.setPaint(new RadialGradientPaint(
                new Point2D.Float(cx, cy),
                rx,
                new Point2D.Float(cx, cy),
                new float[] {0f, 0.55f, 1f},
                new Color[] {new Color(0, 0, 0, 95), new Color(0, 0, 0, 40), new Color(0, 0, 0, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE,
                MultipleGradientPaint.ColorSpaceType.SRGB,
                squash));
        g.fillRect((int) (cx - rx), (int) (cy - ry), (int) Math.ceil(rx * 2), (int) Math.ceil(ry * 2));
    }

    private static void title(Graphics2D g, Box region, String name) {
        Graphics2D t = Images.clipped(g, region);
        t.setColor(INK);
        float size = region.height() * 0.8f;
        FittedText.fit(t, name, Fonts.bold(1), size, size * 0.5f, region.width() - 1)
                .draw(t, region.x(), region.y(), region.height());
        t.dispose();
    }

    /** {@code label: value} lines, as many as fit at a legible size; the last says how many more there are. */
    private static void attributes(Graphics2D g, Box region, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(attributes.entrySet());
        float lineCap = region.height() / 5f;
        float minLine = Math.max(8, region.height() / 9f);
        float lineHeight = Math.min(lineCap, (float) region.height() / entries.size());
        int shown = entries.size();
        if (lineHeight < minLine) {
            lineHeight = minLine;
            shown = Math.max(1, (int) (region.height() / minLine)) - 1;
        }
        Graphics2D a = Images.clipped(g, region);
        float size = lineHeight * 0.72f;
        int maxWidth = region.width() - 1;
        for (int i = 0; i < shown; i++) {
            int top = region.y() + Math.round(i * lineHeight);
            line(
                    a,
                    region.x(),
                    top,
                    Math.round(lineHeight),
                    maxWidth,
                    entries.get(i).getKey(),
                    entries.get(i).getValue(),
                    size);
        }
        if (shown < entries.size()) {
            a.setColor(MUTED);
            FittedText.fit(a, "+" + (entries.size() - shown) + " more", Fonts.regular(1), size, 4, maxWidth)
                    .draw(a, region.x(), region.y() + Math.round(shown * lineHeight), Math.round(lineHeight));
        }
        a.dispose();
    }

    private static void line(
            Graphics2D g, int x, int top, int height, int maxWidth, String key, String value, float size) {
        g.setColor(MUTED);
        FittedText label = FittedText.fit(g, key + ":", Fonts.bold(1), size, size, maxWidth * 2 / 5);
        label.draw(g, x, top, height);
        int valueX = x + label.width() + Math.max(3, Math.round(size * 0.4f));
        g.setColor(INK);
        FittedText.fit(g, value, Fonts.regular(1), size, size, x + maxWidth - valueX)
                .draw(g, valueX, top, height);
    }

    private static void swatches(Graphics2D g, SheetLayout layout, List<PaletteColor> palette) {
        for (int i = 0; i < layout.swatches().size(); i++) {
            Box square = layout.swatches().get(i);
            Color colour = Images.color(palette.get(i).hex());
            g.setColor(colour);
            g.fillRect(square.x(), square.y(), square.width(), square.height());
            g.setColor(EDGE);
            g.drawRect(square.x(), square.y(), square.width() - 1, square.height() - 1);
            Box label = layout.swatchLabels().get(i);
            Graphics2D t = Images.clipped(g, label);
            t.setColor(INK);
            FittedText hex =
                    FittedText.fit(t, palette.get(i).hex(), Fonts.regular(1), label.height() * 0.8f, 4, label.width());
            hex.draw(t, label.x() + (label.width() - hex.width()) / 2, label.y(), label.height());
            t.dispose();
        }
    }

    /** One size for every tile label: the largest at which the longest still fits. */
    private static float tileLabelSize(Graphics2D g, SheetLayout layout, List<Tile> tiles) {
        Box label = layout.tileLabels().get(0);
        return FittedText.commonSize(
                g, tiles.stream().map(Tile::label).toList(), Fonts.regular(1), label.height() * 0.8f, 4, label.width());
    }

    private static void tile(Graphics2D g, Box card, Box picture, Box label, Tile tile, float labelSize) {
        Graphics2D t = Images.clipped(g, card);
        t.setColor(CARD);
        t.fillRect(card.x(), card.y(), card.width(), card.height());
        t.setColor(EDGE);
        t.drawRect(card.x(), card.y(), card.width() - 1, card.height() - 1);
        Box fitted =
                SheetLayout.fit(picture, tile.image().getWidth(), tile.image().getHeight());
        t.drawImage(tile.image(), fitted.x(), fitted.y(), fitted.width(), fitted.height(), null);
        t.setColor(MUTED);
        FittedText text = FittedText.fit(t, tile.label(), Fonts.regular(1), labelSize, labelSize, label.width());
        text.draw(t, label.x() + (label.width() - text.width()) / 2, label.y(), label.height());
        t.dispose();
    }
}
