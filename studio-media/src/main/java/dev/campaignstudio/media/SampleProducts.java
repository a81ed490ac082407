package dev.campaignstudio.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Sample product photos made in code (so they are free to use): a bottle on a wooden, textured background. */
public final class SampleProducts {

    private SampleProducts() {
    }

    /**
     * A photo of the "Aurora" water bottle.
     *
     * @param width  pixels across
     * @param height pixels down
     * @param body   the bottle's colour
     * @param seed   varies the background texture
     * @return JPEG bytes
     */
    public static byte[] bottlePhoto(int width, int height, Color body, long seed) {
        BufferedImage photo = woodenBackground(width, height, seed);
        Graphics2D g = Images.quality(photo.createGraphics());
        double cx = width * 0.5;
        double bodyW = width * 0.3;
        Area shape = new Area(new RoundRectangle2D.Double(cx - bodyW / 2, height * 0.35, bodyW, height * 0.5, bodyW * 0.3, bodyW * 0.3));
        shape.add(new Area(new Ellipse2D.Double(cx - bodyW / 2, height * 0.27, bodyW, height * 0.18)));
        shape.add(new Area(new RoundRectangle2D.Double(cx - bodyW * 0.17, height * 0.16, bodyW * 0.34, height * 0.16, 6, 6)));
        g.setColor(body);
        g.fill(shape);
        g.setClip(shape);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, (int) (height * 0.52), width, (int) (height * 0.12));
        g.setColor(body.darker());
        g.fillRect((int) (width * 0.5), 0, (int) (width * 0.03), height);
        g.dispose();
        return Images.jpeg(photo);
    }

    /**
     * A warm, busy, textured background: a gradient with speckles and grain lines, so that a cut-out has to work.
     *
     * @param seed varies the texture
     * @return an opaque image
     */
    static BufferedImage woodenBackground(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.quality(photo.createGraphics());
        g.setPaint(new GradientPaint(0, 0, new Color(196, 170, 140), width, height, new Color(150, 120, 96)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < width * height / 60; i++) {
            int shade = 110 + random.nextInt(110);
            g.setColor(new Color(shade, (int) (shade * 0.85), (int) (shade * 0.7), 90));
            int r = 1 + random.nextInt(Math.max(2, width / 60));
            g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
        }
        g.setStroke(new BasicStroke(Math.max(1, width / 200f)));
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(120, 95, 70, 120));
            int y = random.nextInt(height);
            g.drawLine(0, y, width, y + random.nextInt(height / 4) - height / 8);
        }
        g.dispose();
        return photo;
    }
}
