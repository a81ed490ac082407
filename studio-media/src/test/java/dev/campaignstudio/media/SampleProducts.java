package dev.campaignstudio.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Random;

/**
 * Sample product photos made in code (so they are free to use): an insulated bottle, a stoneware mug with a handle and
 * a perfume flacon, each from the front or at an angle, on a wooden or a linen background. The products are opaque and
 * stand well apart in colour from the textured backgrounds, so a cut-out has work to do but can do it.
 */
public final class SampleProducts {

    private SampleProducts() {}

    /** Where the camera stands. */
    public enum View {
        /** Straight on, at the product's height. */
        FRONT,
        /** From above and to one side: tops show as ellipses, side faces and handles turn. */
        ANGLED
    }

    /** What the product stands in front of. */
    public enum Backdrop {
        /** Warm wood with speckles and grain lines. */
        WOOD,
        /** Cool oat-coloured woven linen. */
        LINEN
    }

    /**
     * One photo to take.
     *
     * @param width    pixels across
     * @param height   pixels down
     * @param view     where the camera stands
     * @param backdrop what the product stands in front of
     * @param seed     varies the backdrop's texture
     */
    public record Shot(int width, int height, View view, Backdrop backdrop, long seed) {
        public Shot {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(backdrop, "backdrop");
            if (width < 64 || height < 64) {
                throw new IllegalArgumentException("a sample photo is at least 64 x 64 pixels");
            }
        }
    }

    /**
     * A photo of the "Aurora" water bottle, from the front, on wood.
     *
     * @param width  pixels across
     * @param height pixels down
     * @param body   the bottle's colour
     * @param seed   varies the background texture
     * @return JPEG bytes
     */
    public static byte[] bottlePhoto(int width, int height, Color body, long seed) {
        return bottlePhoto(body, new Shot(width, height, View.FRONT, Backdrop.WOOD, seed));
    }

    /**
     * A photo of the "Aurora" water bottle: a capped bottle with a white label band; seen at an angle its cap shows its
     * top and the body a highlight.
     *
     * @param body the bottle's colour
     * @param shot size, view, backdrop and seed
     * @return JPEG bytes
     */
    public static byte[] bottlePhoto(Color body, Shot shot) {
        int width = shot.width();
        int height = shot.height();
        BufferedImage photo = backdrop(shot);
        Graphics2D g = Images.quality(photo.createGraphics());
        double cx = width * 0.5;
        double bodyW = width * 0.3;
        Area shape = new Area(new RoundRectangle2D.Double(
                cx - bodyW / 2, height * 0.35, bodyW, height * 0.5, bodyW * 0.3, bodyW * 0.3));
        shape.add(new Area(new Ellipse2D.Double(cx - bodyW / 2, height * 0.27, bodyW, height * 0.18)));
        Rectangle2D cap = new Rectangle2D.Double(cx - bodyW * 0.17, height * 0.16, bodyW * 0.34, height * 0.16);
        shape.add(new Area(new RoundRectangle2D.Double(cap.getX(), cap.getY(), cap.getWidth(), cap.getHeight(), 6, 6)));
        g.setColor(body);
        g.fill(shape);
        g.setClip(shape);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, (int) (height * 0.52), width, (int) (height * 0.12));
        g.setColor(body.darker());
        g.fillRect((int) (width * 0.5), 0, (int) (width * 0.03), height);
        if (shot.view() == View.ANGLED) {
            sideLight(g, shape.getBounds2D());
            g.setColor(blend(body, Color.WHITE, 0.35));
            g.fill(new Ellipse2D.Double(cap.getX(), cap.getY(), cap.getWidth(), cap.getWidth() * 0.35));
        }
        g.dispose();
        return Images.jpeg(photo);
    }

    /**
     * A photo of the "Kiln" stoneware mug: a glazed cylinder with a darker inside and a loop handle on the right. From
     * the front the handle shows its opening (where the backdrop shows through); at an angle the camera looks into
     * the mug and the handle turns away, its opening a sliver.
     *
     * @param glaze the mug's colour
     * @param shot  size, view, backdrop and seed
     * @return JPEG bytes
     */
    public static byte[] mugPhoto(Color glaze, Shot shot) {
        int width = shot.width();
        int height = shot.height();
        boolean angled = shot.view() == View.ANGLED;
        BufferedImage photo = backdrop(shot);
        Graphics2D g = Images.quality(photo.createGraphics());
        double bodyW = width * 0.42;
        double cx = width * 0.46;
        double left = cx - bodyW / 2;
        double top = height * 0.34;
        double bodyH = height * 0.4;
        double rim = bodyW * (angled ? 0.3 : 0.14);
        double foot = bodyW * (angled ? 0.22 : 0.12);

        double loopW = bodyW * (angled ? 0.2 : 0.38);
        double thickness = bodyW * (angled ? 0.075 : 0.085);
        Area handle =
                new Area(new Ellipse2D.Double(left + bodyW - loopW * 0.3, top + bodyH * 0.16, loopW, bodyH * 0.58));
        handle.subtract(new Area(new Ellipse2D.Double(
                left + bodyW - loopW * 0.3 + thickness,
                top + bodyH * 0.16 + thickness,
                loopW - 2 * thickness,
                bodyH * 0.58 - 2 * thickness)));
        g.setPaint(
                new GradientPaint((float) (left + bodyW), 0, glaze, (float) (left + bodyW + loopW), 0, glaze.darker()));
        g.fill(handle);

        Area body = new Area(new Rectangle2D.Double(left, top, bodyW, bodyH));
        body.add(new Area(new Ellipse2D.Double(left, top - rim / 2, bodyW, rim)));
        body.add(new Area(new Ellipse2D.Double(left, top + bodyH - foot / 2, bodyW, foot)));
        g.setPaint(new GradientPaint(
                (float) left, 0, blend(glaze, Color.WHITE, 0.18), (float) (left + bodyW), 0, glaze.darker()));
        g.fill(body);
        g.setClip(body);
        speckles(g, body.getBounds(), shot.seed());
        g.setClip(null);
        g.setColor(blend(glaze, new Color(240, 232, 214), 0.55));
        g.fill(new Ellipse2D.Double(left, top - rim / 2, bodyW, rim));
        double lip = bodyW * 0.035;
        g.setColor(blend(glaze, Color.BLACK, 0.45));
        g.fill(new Ellipse2D.Double(
                left + lip, top - rim / 2 + lip * rim / bodyW, bodyW - 2 * lip, rim - 2 * lip * rim / bodyW));
        g.dispose();
        return Images.jpeg(photo);
    }

    /**
     * A photo of the "Velvet Noir" perfume: a faceted glass flacon with a label, a gold collar and a black cap. At an
     * angle its right side face and the cap's show, shaded.
     *
     * @param glass the flacon's colour
     * @param shot  size, view, backdrop and seed
     * @return JPEG bytes
     */
    public static byte[] perfumePhoto(Color glass, Shot shot) {
        int width = shot.width();
        int height = shot.height();
        boolean angled = shot.view() == View.ANGLED;
        BufferedImage photo = backdrop(shot);
        Graphics2D g = Images.quality(photo.createGraphics());
        double frontW = width * (angled ? 0.36 : 0.44);
        double depth = angled ? width * 0.14 : 0;
        double lift = angled ? height * 0.035 : 0;
        double left = width * 0.5 - (frontW + depth) / 2;
        double bottom = height * 0.84;
        double bodyH = height * 0.36;
        double top = bottom - bodyH;
        Shape front = new RoundRectangle2D.Double(left, top, frontW, bodyH, frontW * 0.08, frontW * 0.08);
        if (angled) {
            g.setColor(blend(glass, Color.BLACK, 0.45));
            g.fill(quad(
                    left + frontW - 2,
                    top + 6,
                    left + frontW + depth,
                    top - lift + 6,
                    left + frontW + depth,
                    bottom - lift - 6,
                    left + frontW - 2,
                    bottom - 6));
            g.setColor(blend(glass, Color.WHITE, 0.3));
            g.fill(quad(
                    left + 6,
                    top + 1,
                    left + frontW - 2,
                    top + 1,
                    left + frontW + depth,
                    top - lift + 1,
                    left + depth + 6,
                    top - lift + 1));
        }
        g.setPaint(new GradientPaint(
                (float) left,
                (float) top,
                blend(glass, Color.WHITE, 0.22),
                (float) (left + frontW),
                (float) bottom,
                blend(glass, Color.BLACK, 0.3)));
        g.fill(front);
        double inset = frontW * 0.07;
        g.setPaint(new GradientPaint(
                (float) left,
                (float) top,
                blend(glass, Color.WHITE, 0.08),
                (float) (left + frontW),
                (float) bottom,
                blend(glass, Color.BLACK, 0.15)));
        g.fill(new RoundRectangle2D.Double(
                left + inset, top + inset, frontW - 2 * inset, bodyH - 2 * inset, inset, inset));
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new RoundRectangle2D.Double(
                left + inset * 1.4, top + inset * 1.4, frontW * 0.07, bodyH - inset * 2.8, inset, inset));
        label(g, left + frontW * 0.22, top + bodyH * 0.38, frontW * 0.56, bodyH * 0.26);

        double collarW = frontW * 0.3;
        double collarX = left + (frontW - collarW) / 2 + depth * 0.3;
        double collarH = height * 0.03;
        g.setPaint(new GradientPaint(
                (float) collarX, 0, new Color(226, 190, 110), (float) (collarX + collarW), 0, new Color(150, 112, 46)));
        g.fill(new Rectangle2D.Double(collarX, top - lift * 0.5 - collarH, collarW, collarH + 2));
        double capW = frontW * 0.46;
        double capH = height * 0.15;
        double capX = left + (frontW - capW) / 2 + depth * 0.3;
        double capTop = top - lift * 0.5 - collarH - capH;
        if (angled) {
            g.setColor(new Color(10, 10, 12));
            g.fill(quad(
                    capX + capW - 1,
                    capTop + 2,
                    capX + capW + depth * 0.45,
                    capTop - lift * 0.5 + 2,
                    capX + capW + depth * 0.45,
                    capTop + capH - lift * 0.5,
                    capX + capW - 1,
                    capTop + capH));
            g.setColor(new Color(70, 70, 76));
            g.fill(quad(
                    capX + 2,
                    capTop + 1,
                    capX + capW,
                    capTop + 1,
                    capX + capW + depth * 0.45,
                    capTop - lift * 0.5 + 1,
                    capX + depth * 0.45 + 2,
                    capTop - lift * 0.5 + 1));
        }
        g.setPaint(new GradientPaint(
                (float) capX, 0, new Color(58, 58, 64), (float) (capX + capW), 0, new Color(18, 18, 22)));
        g.fill(new RoundRectangle2D.Double(capX, capTop, capW, capH, capW * 0.06, capW * 0.06));
        g.dispose();
        return Images.jpeg(photo);
    }

    private static void label(Graphics2D g, double x, double y, double w, double h) {
        g.setColor(new Color(244, 236, 220));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(new Color(40, 30, 30));
        g.setStroke(new BasicStroke((float) Math.max(1, h * 0.03)));
        g.draw(new Rectangle2D.Double(x + h * 0.08, y + h * 0.08, w - h * 0.16, h - h * 0.16));
        for (String[] line : new String[][] {{"VELVET", "0.42"}, {"NOIR", "0.74"}}) {
            g.setFont(Fonts.bold((float) (h * 0.24)));
            int textW = g.getFontMetrics().stringWidth(line[0]);
            g.drawString(line[0], (float) (x + (w - textW) / 2), (float) (y + h * Double.parseDouble(line[1])));
        }
    }

    /** Light from the left: a soft highlight on the left third, a shade on the right edge of {@code bounds}. */
    private static void sideLight(Graphics2D g, Rectangle2D bounds) {
        float x = (float) bounds.getX();
        float w = (float) bounds.getWidth();
        g.setPaint(new GradientPaint(
                x + w * 0.12f, 0, new Color(255, 255, 255, 0), x + w * 0.26f, 0, new Color(255, 255, 255, 80), true));
        g.fill(new Rectangle2D.Double(x + w * 0.12, bounds.getY(), w * 0.28, bounds.getHeight()));
        g.setPaint(new GradientPaint(x + w * 0.7f, 0, new Color(0, 0, 0, 0), x + w, 0, new Color(0, 0, 0, 70)));
        g.fill(new Rectangle2D.Double(x + w * 0.7, bounds.getY(), w * 0.3, bounds.getHeight()));
    }

    private static void speckles(Graphics2D g, Rectangle area, long seed) {
        Random random = new Random(seed * 31 + 7);
        int count = area.width * area.height / 900;
        for (int i = 0; i < count; i++) {
            int r = 1 + random.nextInt(Math.max(2, area.width / 160));
            g.setColor(new Color(30, 25, 20, 40 + random.nextInt(60)));
            g.fillOval(
                    area.x + random.nextInt(Math.max(1, area.width)),
                    area.y + random.nextInt(Math.max(1, area.height)),
                    r,
                    r);
        }
    }

    private static Shape quad(double x1, double y1, double x2, double y2, double x3, double y3, double x4, double y4) {
        Path2D path = new Path2D.Double();
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(x3, y3);
        path.lineTo(x4, y4);
        path.closePath();
        return path;
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static BufferedImage backdrop(Shot shot) {
        return shot.backdrop() == Backdrop.LINEN
                ? SampleBackdrops.linen(shot.width(), shot.height(), shot.seed())
                : SampleBackdrops.wood(shot.width(), shot.height(), shot.seed());
    }
}
