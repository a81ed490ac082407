package dev.campaignstudio.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Textured backgrounds for sample and test photos: busy enough that a cut-out has to work. */
final class SampleBackdrops {

    private SampleBackdrops() {}

    /**
     * A warm, busy, textured background: a gradient with speckles and grain lines, so that a cut-out has to work.
     *
     * @param seed varies the texture
     * @return an opaque image
     */
    static BufferedImage wood(int width, int height, long seed) {
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

    /**
     * A cool, woven background: an oat-coloured gradient crossed by fine warp and weft threads of varying shade, with
     * a soft vignette.
     *
     * @param seed varies the weave
     * @return an opaque image
     */
    static BufferedImage linen(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.quality(photo.createGraphics());
        g.setPaint(new GradientPaint(0, 0, new Color(222, 216, 204), width * 0.3f, height, new Color(188, 182, 170)));
        g.fillRect(0, 0, width, height);
        int pitch = Math.max(2, width / 220);
        for (int x = 0; x < width; x += pitch) {
            int shade = 150 + random.nextInt(90);
            g.setColor(new Color(shade, shade - 4, shade - 14, 26 + random.nextInt(30)));
            g.fillRect(x, 0, Math.max(1, pitch / 2), height);
        }
        for (int y = 0; y < height; y += pitch) {
            int shade = 150 + random.nextInt(90);
            g.setColor(new Color(shade, shade - 4, shade - 14, 26 + random.nextInt(30)));
            g.fillRect(0, y, width, Math.max(1, pitch / 2));
        }
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(120, 112, 100, 30));
            int y = random.nextInt(height);
            g.fillRect(0, y, width, 1 + random.nextInt(Math.max(2, pitch)));
        }
        g.setPaint(new RadialGradientPaint(
                width / 2f, height * 0.45f, Math.max(width, height) * 0.75f, new float[] {0.5f, 1f}, new Color[] {
                    new Color(0, 0, 0, 0), new Color(40, 30, 20, 70)
                }));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return photo;
    }
}
