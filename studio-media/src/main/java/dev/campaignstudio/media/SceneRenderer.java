package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scene images in Java2D: a procedurally generated background in one of five styles, coloured in harmony with the
 * product's palette; the cut-out placed by a seeded layout with a soft contact shadow (and a reflection on glossy
 * styles); an optional stylised presenter; and a headline in DejaVu Sans Bold. The product's own pixels are drawn as
 * they are, only scaled, unless high creative variation lets it drift ({@link ProductDrift}).
 */
final class SceneRenderer {

    /** Where the product stands, as a share of the frame's height from the top, and how far variation moves it. */
    private static final double FLOOR = 0.82;
    /** Most lines a headline takes; a longer one is set smaller, then cut with an ellipsis. */
    private static final int MAX_HEADLINE_LINES = 3;

    private static final double FLOOR_JITTER = 0.03;
    private static final Style[] AUTO_STYLES = {
        Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN
    };

    SceneImage render(ImageRequest request) throws StepFault {
        return render(request, TextLog.NONE);
    }

    /** Renders the scene and tells {@code log} where its headline went (above the product, which is kept under it). */
    SceneImage render(ImageRequest request, TextLog log) throws StepFault {
        BufferedImage product = ProductDrift.apply(
                trimmed(Images.decode(request.productPng())),
                request.variation(),
                request.constraints(),
                request.seed());
        int[] size = Frames.size(request.aspect(), request.longSide());
        int width = size[0];
        int height = size[1];
        SplittableRandom random = new SplittableRandom(request.seed());
        Harmony colours = Harmony.of(request.palette(), random);
        Style style = request.style() == Style.AUTO ? AUTO_STYLES[random.nextInt(AUTO_STYLES.length)] : request.style();

        BufferedImage background = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D bg = Images.quality(background.createGraphics());
        Backgrounds.paint(bg, style, colours, width, height, random);
        bg.dispose();

        BufferedImage scene = Images.copy(background, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.quality(scene.createGraphics());
        boolean hasHeadline = request.headline() != null && !request.headline().isBlank();
        // a regeneration that asks for the product larger gets it: the headline is set smaller to make room
        float headlineSize = hasHeadline
                ? fittedHeadline(g, request.headline(), width, height, (int) Math.round(
                        height * (FLOOR - FLOOR_JITTER - request.constraints().minProductShare())))
                : 0;
        int headlineBottom = hasHeadline ? headlineBottom(g, request.headline(), width, height, headlineSize) : 0;
        Box box = layout(request, product, width, height, headlineBottom, random);
        if (request.presentation() != Presentation.PRODUCT_ONLY) {
            Presenter.draw(g, colours, width, height, box, random);
        }
        shadow(g, box, style);
        if (style == Style.STUDIO || style == Style.GRADIENT) {
            reflection(g, product, box);
        }
        g.drawImage(Images.scaled(product, box.width(), box.height()), box.x(), box.y(), null);
        if (hasHeadline) {
            log.drawn(0, headline(g, request.headline(), colours, width, height, headlineSize));
        }
        g.dispose();
        return new SceneImage(
                MediaFile.image(Images.png(scene), "image/png", width, height),
                MediaFile.image(Images.png(background), "image/png", width, height),
                box);
    }

    /**
     * Where the product goes: its height a share of the frame, placed centre or on a third, standing on the floor line,
     * and never under the headline (it is made smaller instead).
     */
    private static Box layout(
            ImageRequest request,
            BufferedImage product,
            int width,
            int height,
            int headlineBottom,
            SplittableRandom random) {
        double variation = request.variation();
        boolean presenter = request.presentation() != Presentation.PRODUCT_ONLY;
        double share = (presenter ? 0.38 : 0.52) + (random.nextDouble() - 0.5) * 0.16 * variation;
        share = Math.max(share, request.constraints().minProductShare());
        double aspect = (double) product.getWidth() / product.getHeight();
        int h = (int) Math.round(height * Math.min(0.9, share));
        int w = (int) Math.round(h * aspect);
        if (w > width * 0.8) {
            w = (int) Math.round(width * 0.8);
            h = (int) Math.round(w / aspect);
        }
        double centre;
        if (presenter) {
            centre = 0.68;
        } else if (random.nextDouble() < variation * 0.8) {
            centre = random.nextBoolean() ? 0.36 : 0.64;
        } else {
            centre = 0.5;
        }
        int x = (int) Math.round(width * centre - w / 2.0);
        x = Math.max(0, Math.min(width - w, x));
        int floor = (int) Math.round(height * (FLOOR + (random.nextDouble() - 0.5) * 2 * FLOOR_JITTER * variation));
        if (floor - h < headlineBottom) {
            h = Math.max(8, floor - headlineBottom);
            w = (int) Math.round(h * aspect);
            x = Math.max(0, Math.min(width - w, (int) Math.round(width * centre - w / 2.0)));
        }
        int y = Math.max(0, Math.min(height - h, floor - h));
        return new Box(x, y, w, h);
    }

    private static void shadow(Graphics2D g, Box box, Style style) {
        int sw = (int) (box.width() * 1.1);
        int sh = Math.max(4, box.height() / 14);
        BufferedImage blob = new BufferedImage(sw + sh * 2, sh * 3, BufferedImage.TYPE_INT_ARGB);
        Graphics2D b = Images.quality(blob.createGraphics());
        b.setColor(new Color(0, 0, 0, style == Style.OUTDOOR ? 90 : 120));
        b.fill(new Ellipse2D.Double(sh, sh, sw, sh));
        b.dispose();
        BufferedImage soft = blur(blob, Math.max(1, sh / 3));
        g.drawImage(
                soft,
                box.x() + box.width() / 2 - soft.getWidth() / 2,
                box.y() + box.height() - soft.getHeight() / 2,
                null);
    }

    private static void reflection(Graphics2D g, BufferedImage product, Box box) {
        int h = box.height() / 3;
        BufferedImage mirror = new BufferedImage(box.width(), h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D m = Images.quality(mirror.createGraphics());
        m.drawImage(product, 0, h, box.width(), -box.height(), null);
        m.setComposite(AlphaComposite.DstIn);
        m.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 70), 0, h, new Color(0, 0, 0, 0)));
        m.fillRect(0, 0, box.width(), h);
        m.dispose();
        g.drawImage(mirror, box.x(), box.y() + box.height(), null);
    }

    /**
     * The headline's size: the usual one, or smaller (down to 60 %) until it takes at most three lines and they end above
     * {@code limit}, the highest the product's top may have to reach.
     */
    private static float fittedHeadline(Graphics2D g, String text, int width, int height, int limit) {
        float size = headlineSize(width, height);
        float smallest = Math.max(12, size * 0.6f);
        while (size > smallest
                && (headlineBottom(g, text, width, height, size) > limit
                        || headlineLines(g, text, width, size) > MAX_HEADLINE_LINES)) {
            size = Math.max(smallest, size * 0.9f);
        }
        return size;
    }

    /** The lowest pixel row the headline's lines reach at {@code size}, with a small margin. */
    private static int headlineLines(Graphics2D g, String text, int width, float size) {
        g.setFont(Fonts.bold(size));
        return wrap(text, g.getFontMetrics(), (int) (width * 0.84)).size();
    }

    private static int headlineBottom(Graphics2D g, String text, int width, int height, float size) {
        g.setFont(Fonts.bold(size));
        FontMetrics metrics = g.getFontMetrics();
        int lines = Math.min(
                MAX_HEADLINE_LINES, wrap(text, metrics, (int) (width * 0.84)).size());
        return (int) (height * 0.09) + lines * metrics.getHeight() + metrics.getDescent() + height / 40;
    }

    /** Headline size: a 13th of the width, but at most a tenth of the height, so a landscape frame keeps room for the product. */
    private static float headlineSize(int width, int height) {
        return Math.max(12, Math.min(width / 13f, height / 10f));
    }

    /** Draws the headline; returns the box its lines (and their shadow) cover. */
    private static Rectangle headline(Graphics2D g, String text, Harmony colours, int width, int height, float size) {
        g.setFont(Fonts.bold(size));
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = wrap(text, metrics, (int) (width * 0.84));
        int lineHeight = metrics.getHeight();
        int top = (int) (height * 0.09);
        Color ink = colours.ink();
        if (lines.size() > MAX_HEADLINE_LINES) {
            // still too long at the smallest size: end the last line that shows with an ellipsis, never mid-word
            String last = lines.get(MAX_HEADLINE_LINES - 1);
            while (last.contains(" ") && metrics.stringWidth(last + "\u2026") > width * 0.84) {
                last = last.substring(0, last.lastIndexOf(' '));
            }
            lines = new ArrayList<>(lines.subList(0, MAX_HEADLINE_LINES - 1));
            lines.add(last.replaceAll("[,;:.\\s]+$", "") + "\u2026");
        }
        int shown = Math.min(MAX_HEADLINE_LINES, lines.size());
        int widest = 0;
        int offset = Math.max(1, width / 400);
        for (int i = 0; i < shown; i++) {
            String line = lines.get(i);
            widest = Math.max(widest, metrics.stringWidth(line));
            int x = (width - metrics.stringWidth(line)) / 2;
            int y = top + metrics.getAscent() + i * lineHeight;
            g.setColor(new Color(0, 0, 0, ink.getRed() > 128 ? 90 : 40));
            g.drawString(line, x + offset, y + offset);
            g.setColor(ink);
            g.drawString(line, x, y);
        }
        return new Rectangle((width - widest) / 2, top, widest + offset, shown * lineHeight + offset);
    }

    static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Trims transparent margins so the layout sizes the product itself. */
    static BufferedImage trimmed(BufferedImage image) {
        int minX = image.getWidth();
        int minY = image.getHeight();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 16) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0 || (minX == 0 && minY == 0 && maxX == image.getWidth() - 1 && maxY == image.getHeight() - 1)) {
            return image;
        }
        return image.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** A separable-enough Gaussian blur by a small kernel, applied to an image with room around its content. */
    static BufferedImage blur(BufferedImage image, int radius) {
        int size = radius * 2 + 1;
        float[] weights = new float[size * size];
        double sigma = Math.max(0.5, radius / 2.0);
        double sum = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = (x - radius) * (x - radius) + (y - radius) * (y - radius);
                weights[y * size + x] = (float) Math.exp(-d / (2 * sigma * sigma));
                sum += weights[y * size + x];
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= (float) sum;
        }
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    /** Colours for a scene, taken from the product's palette. */
    record Harmony(Color product, Color light, Color mid, Color deep, Color accent) {

        static Harmony of(List<String> palette, SplittableRandom random) {
            Color product = palette.isEmpty() ? new Color(90, 120, 160) : Images.color(palette.get(0));
            double[] lab = Lab.fromRgb(product.getRed(), product.getGreen(), product.getBlue());
            double hue = Math.atan2(lab[2], lab[1]);
            double chroma = Math.max(12, Math.min(40, Math.hypot(lab[1], lab[2]) * 0.5));
            double shift = Math.PI * (random.nextBoolean() ? 1 : 0.35 + random.nextDouble() * 0.2);
            double bgHue = hue + shift;
            Color light = lab(92, chroma * 0.35, bgHue);
            Color mid = lab(78, chroma * 0.6, bgHue);
            Color deep = lab(45, chroma * 0.8, bgHue);
            Color accent = palette.size() > 1 ? Images.color(palette.get(1)) : lab(60, chroma, hue + Math.PI / 2);
            return new Harmony(product, light, mid, deep, accent);
        }

        /** Text colour that reads on the light top of the scene. */
        Color ink() {
            return deep.darker();
        }

        private static Color lab(double l, double chroma, double hue) {
            int[] rgb = Lab.toRgb(l, chroma * Math.cos(hue), chroma * Math.sin(hue));
            return new Color(rgb[0], rgb[1], rgb[2]);
        }
    }

    /** The five background styles. */
    static final class Backgrounds {

        private Backgrounds() {}

        static void paint(Graphics2D g, Style style, Harmony c, int w, int h, SplittableRandom random) {
            switch (style) {
                case GRADIENT -> gradient(g, c, w, h, random);
                case SURFACE -> surface(g, c, w, h, random);
                case OUTDOOR -> outdoor(g, c, w, h, random);
                case PATTERN -> pattern(g, c, w, h, random);
                default -> studio(g, c, w, h);
            }
        }

        private static void studio(Graphics2D g, Harmony c, int w, int h) {
            g.setPaint(new GradientPaint(0, 0, c.mid(), 0, h * 0.72f, c.light()));
            g.fillRect(0, 0, w, h);
            Path2D floor = new Path2D.Double();
            floor.moveTo(0, h * 0.7);
            floor.curveTo(w * 0.3, h * 0.76, w * 0.7, h * 0.76, w, h * 0.7);
            floor.lineTo(w, h);
            floor.lineTo(0, h);
            floor.closePath();
            g.setPaint(new GradientPaint(0, h * 0.7f, c.light(), 0, h, c.mid()));
            g.fill(floor);
            g.setPaint(new RadialGradientPaint(w / 2f, h * 0.55f, w * 0.6f, new float[] {0f, 1f}, new Color[] {
                new Color(255, 255, 255, 110), new Color(255, 255, 255, 0)
            }));
            g.fillRect(0, 0, w, h);
        }

        private static void gradient(Graphics2D g, Harmony c, int w, int h, SplittableRandom random) {
            boolean flip = random.nextBoolean();
            g.setPaint(new GradientPaint(flip ? w : 0, 0, c.light(), flip ? 0 : w, h, c.mid()));
            g.fillRect(0, 0, w, h);
            grain(g, w, h, random, 10);
        }

        private static void surface(Graphics2D g, Harmony c, int w, int h, SplittableRandom random) {
            g.setPaint(new GradientPaint(0, 0, c.light(), 0, h * 0.74f, c.mid()));
            g.fillRect(0, 0, w, h);
            int top = (int) (h * 0.74);
            Color wood = new Color(168 + random.nextInt(30), 128 + random.nextInt(20), 90);
            g.setColor(wood);
            g.fillRect(0, top, w, h - top);
            for (int i = 0; i < h / 6; i++) {
                int y = top + random.nextInt(Math.max(1, h - top));
                g.setColor(new Color(70, 45, 20, 20 + random.nextInt(30)));
                g.drawLine(0, y, w, y + random.nextInt(5) - 2);
            }
            g.setPaint(new GradientPaint(0, top, new Color(0, 0, 0, 60), 0, top + h / 30f, new Color(0, 0, 0, 0)));
            g.fillRect(0, top, w, h / 30);
        }

        private static void outdoor(Graphics2D g, Harmony c, int w, int h, SplittableRandom random) {
            g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 225), 0, h * 0.7f, new Color(230, 238, 245)));
            g.fillRect(0, 0, w, h);
            float sunX = (float) (w * (0.2 + random.nextDouble() * 0.6));
            g.setPaint(new RadialGradientPaint(sunX, h * 0.18f, w * 0.45f, new float[] {0f, 1f}, new Color[] {
                new Color(255, 244, 214, 200), new Color(255, 244, 214, 0)
            }));
            g.fillRect(0, 0, w, h);
            Color ground = new Color(
                    Math.min(255, c.mid().getRed() / 2 + 90),
                    Math.min(255, c.mid().getGreen() / 2 + 110),
                    110);
            Path2D hills = new Path2D.Double();
            hills.moveTo(0, h * 0.7);
            for (int i = 1; i <= 4; i++) {
                hills.quadTo(w * (i - 0.5) / 4, h * (0.62 + random.nextDouble() * 0.06), w * i / 4.0, h * 0.7);
            }
            hills.lineTo(w, h);
            hills.lineTo(0, h);
            hills.closePath();
            g.setColor(ground);
            g.fill(hills);
            for (int i = 0; i < 12; i++) {
                int r = w / 20 + random.nextInt(w / 10);
                g.setColor(new Color(255, 255, 255, 18 + random.nextInt(22)));
                g.fillOval(random.nextInt(w), random.nextInt((int) (h * 0.6)), r, r);
            }
        }

        private static void pattern(Graphics2D g, Harmony c, int w, int h, SplittableRandom random) {
            g.setColor(c.light());
            g.fillRect(0, 0, w, h);
            int step = Math.max(8, w / (8 + random.nextInt(6)));
            Color mark = new Color(c.mid().getRed(), c.mid().getGreen(), c.mid().getBlue(), 120);
            g.setColor(mark);
            boolean dots = random.nextBoolean();
            for (int y = -step; y < h + step; y += step) {
                for (int x = -step; x < w + step; x += step) {
                    int offset = (y / step) % 2 == 0 ? 0 : step / 2;
                    if (dots) {
                        g.fillOval(x + offset, y, step / 4, step / 4);
                    } else {
                        g.fill(new RoundRectangle2D.Double(
                                x + offset, y, step / 2.0, step / 8.0, step / 8.0, step / 8.0));
                    }
                }
            }
            g.setPaint(
                    new GradientPaint(0, h * 0.6f, new Color(255, 255, 255, 0), 0, h, new Color(255, 255, 255, 150)));
            g.fillRect(0, 0, w, h);
        }

        private static void grain(Graphics2D g, int w, int h, SplittableRandom random, int alpha) {
            for (int i = 0; i < w * h / 400; i++) {
                g.setColor(random.nextBoolean() ? new Color(255, 255, 255, alpha) : new Color(0, 0, 0, alpha));
                g.fillRect(random.nextInt(w), random.nextInt(h), 2, 2);
            }
        }
    }

    /** A stylised presenter: flat shapes in the scene's colours, standing left of the product and reaching towards it. */
    static final class Presenter {

        private Presenter() {}

        static void draw(Graphics2D g, Harmony c, int w, int h, Box product, SplittableRandom random) {
            double unit = Math.min(w * 0.5, h * 0.36);
            double cx = Math.max(unit * 0.6, product.x() - unit * 0.55);
            double floor = product.y() + product.height();
            double top = Math.max(h * 0.2, floor - unit * 1.9);
            Color skin = new Color[] {
                        new Color(241, 194, 160),
                        new Color(198, 134, 92),
                        new Color(141, 85, 54),
                        new Color(255, 219, 186)
                    }
                    [random.nextInt(4)];
            Color hair = new Color[] {
                        new Color(45, 30, 22), new Color(110, 70, 40), new Color(20, 20, 24), new Color(200, 160, 90)
                    }
                    [random.nextInt(4)];
            Color shirt = c.deep();
            Path2D body = new Path2D.Double();
            body.moveTo(cx - unit * 0.42, floor + unit * 0.2);
            body.curveTo(cx - unit * 0.44, top + unit * 0.75, cx - unit * 0.3, top + unit * 0.62, cx, top + unit * 0.6);
            body.curveTo(
                    cx + unit * 0.3,
                    top + unit * 0.62,
                    cx + unit * 0.44,
                    top + unit * 0.75,
                    cx + unit * 0.42,
                    floor + unit * 0.2);
            body.closePath();
            g.setColor(shirt);
            g.fill(body);
            g.setColor(skin.darker());
            g.fill(new RoundRectangle2D.Double(
                    cx - unit * 0.07, top + unit * 0.42, unit * 0.14, unit * 0.22, unit * 0.05, unit * 0.05));
            g.setStroke(new java.awt.BasicStroke(
                    (float) (unit * 0.11), java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            g.setColor(shirt.darker());
            double handX = product.x() + product.width() * 0.15;
            double handY = product.y() + product.height() * 0.55;
            Path2D arm = new Path2D.Double();
            arm.moveTo(cx + unit * 0.3, top + unit * 0.78);
            arm.quadTo(cx + unit * 0.45, handY + unit * 0.1, handX, handY);
            g.draw(arm);
            g.setColor(skin);
            g.fill(new Ellipse2D.Double(handX - unit * 0.07, handY - unit * 0.07, unit * 0.14, unit * 0.14));
            g.fill(new Ellipse2D.Double(cx - unit * 0.2, top, unit * 0.4, unit * 0.48));
            g.setColor(hair);
            Path2D hairShape = new Path2D.Double();
            hairShape.moveTo(cx - unit * 0.22, top + unit * 0.22);
            hairShape.curveTo(
                    cx - unit * 0.24,
                    top - unit * 0.06,
                    cx + unit * 0.24,
                    top - unit * 0.06,
                    cx + unit * 0.22,
                    top + unit * 0.22);
            hairShape.curveTo(
                    cx + unit * 0.1,
                    top + unit * 0.08,
                    cx - unit * 0.1,
                    top + unit * 0.08,
                    cx - unit * 0.22,
                    top + unit * 0.22);
            g.fill(hairShape);
            g.setColor(new Color(40, 35, 35));
            g.fill(new Ellipse2D.Double(cx - unit * 0.1, top + unit * 0.22, unit * 0.045, unit * 0.06));
            g.fill(new Ellipse2D.Double(cx + unit * 0.055, top + unit * 0.22, unit * 0.045, unit * 0.06));
            g.setStroke(new java.awt.BasicStroke(
                    (float) Math.max(1, unit * 0.02), java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            g.setColor(new Color(150, 60, 60));
            g.draw(new java.awt.geom.Arc2D.Double(
                    cx - unit * 0.08, top + unit * 0.28, unit * 0.16, unit * 0.1, 200, 140, java.awt.geom.Arc2D.OPEN));
        }
    }
}
