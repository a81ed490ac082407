package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.media.DrawnPresenterLipSync.Look;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The product a drawn presenter holds up beside the face and shoulder: the cut-out at the size it is drawn, where it
 * goes, and how the arm and hand under it are drawn.
 *
 * @param image      the cut-out at its drawn size
 * @param box        where it is drawn
 * @param presenterX the presenter's centre line, moved left to make room
 */
record HeldProduct(BufferedImage image, Box box, double presenterX) {

    /** Share of the frame height the product is drawn at. */
    static final double HEIGHT = 0.40;
    /** The most of the frame width it takes. */
    static final double WIDTH = 0.42;

    /**
     * The cut-out, trimmed and scaled with its aspect kept to {@link #HEIGHT} of a {@code w} x {@code h} frame's height
     * (less if it would be wider than {@link #WIDTH} of it), centred at chin height beside the head; head and product
     * are centred together across the frame.
     */
    static HeldProduct of(BufferedImage cutOut, int w, int h) {
        BufferedImage product = SceneRenderer.trimmed(cutOut);
        double scale = Math.min(h * HEIGHT / product.getHeight(), w * WIDTH / product.getWidth());
        int pw = Math.max(1, (int) Math.round(product.getWidth() * scale));
        int ph = Math.max(1, (int) Math.round(product.getHeight() * scale));
        double unit = DrawnPresenterLipSync.unit(w, h);
        double headW = unit * DrawnPresenterLipSync.HEAD_WIDTH;
        double gap = unit * 0.04;
        double presenterX = (w - (headW + gap + pw)) / 2 + headW / 2;
        int left = (int) Math.round(presenterX + headW / 2 + gap);
        double chin = h * DrawnPresenterLipSync.HEAD_TOP + unit * DrawnPresenterLipSync.HEAD_HEIGHT * 0.85;
        int top = (int) Math.round(Math.max(h * 0.04, Math.min(h * 0.96 - ph, chin - ph / 2.0)));
        return new HeldProduct(Images.scaled(product, pw, ph), new Box(left, top, pw, ph), presenterX);
    }

    /** Shirts to change into when the palette's own colour would not stand apart from the product. */
    private static final Color[] SHIRTS = {
        new Color(52, 56, 64),
        new Color(200, 182, 150),
        new Color(38, 50, 92),
        new Color(96, 104, 60),
        new Color(246, 246, 244)
    };
    /** How far apart (CIE76) the shirt must be from the product and the backdrop to keep the palette's colour. */
    private static final double APART = 25;

    /**
     * The look in a shirt that stands apart from the product and the backdrop, so the held product reads against
     * it: the palette's colour when it does, else the neutral farthest from the nearer of the two.
     */
    Look dressed(Look look) {
        double[] product = meanLab(image);
        double[] backdrop = lab(look.backdrop());
        Color best = look.shirt();
        double apart = Math.min(Lab.distance(lab(best), product), Lab.distance(lab(best), backdrop));
        if (apart >= APART) {
            return look;
        }
        for (Color shirt : SHIRTS) {
            double d = Math.min(Lab.distance(lab(shirt), product), Lab.distance(lab(shirt), backdrop));
            if (d > apart) {
                apart = d;
                best = shirt;
            }
        }
        return new Look(look.skin(), look.hair(), best, look.backdrop());
    }

    private static double[] lab(Color c) {
        return Lab.fromRgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The mean colour of the opaque pixels, in L*a*b*. */
    private static double[] meanLab(BufferedImage image) {
        double[] sum = new double[3];
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if ((p >>> 24) > 128) {
                    sum[0] += p >> 16 & 0xFF;
                    sum[1] += p >> 8 & 0xFF;
                    sum[2] += p & 0xFF;
                    n++;
                }
            }
        }
        long count = Math.max(1, n);
        return Lab.fromRgb((int) (sum[0] / count), (int) (sum[1] / count), (int) (sum[2] / count));
    }

    /** The raised arm (the sleeve a shade darker than the shirt) and the hand under the product, then the product over them. */
    void draw(Graphics2D g, Look look, double cx, double unit, double neck) {
        double handW = Math.max(unit * 0.12, box.width() * 0.8);
        double handH = Math.max(unit * 0.05, box.height() * 0.12);
        double handX = box.x() + box.width() / 2.0;
        double handY = box.y() + box.height() - handH * 0.3;
        Color shirt = look.shirt();
        g.setColor(new Color(
                (int) (shirt.getRed() * 0.82), (int) (shirt.getGreen() * 0.82), (int) (shirt.getBlue() * 0.82)));
        g.setStroke(new BasicStroke((float) (unit * 0.11), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx + unit * 0.3, neck + unit * 0.12, handX, handY + handH));
        g.setColor(look.skin());
        g.fill(new RoundRectangle2D.Double(handX - handW / 2, handY, handW, handH, handH * 0.8, handH * 0.8));
        g.drawImage(image, box.x(), box.y(), null);
    }
}
