package dev.campaignstudio.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Product photos with a known mask: a bottle-like product on a textured background. */
final class SyntheticPhotos {

    /**
     * A photo and the truth.
     *
     * @param photo   the photo (opaque)
     * @param mask    true where the product is
     * @param product the product alone on transparency, at photo scale
     */
    record Photo(BufferedImage photo, boolean[] mask, BufferedImage product) {}

    private SyntheticPhotos() {}

    /** A bottle of {@code body} colour on a busy, warm textured background. */
    static Photo bottleOnTexture(int width, int height, Color body, long seed) {
        BufferedImage photo = SampleBackdrops.wood(width, height, seed);
        Graphics2D g = Images.quality(photo.createGraphics());
        Shape shape = bottle(width, height);
        BufferedImage product = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D p = Images.quality(product.createGraphics());
        p.setColor(body);
        p.fill(shape);
        p.setClip(shape);
        p.setColor(new Color(245, 245, 240));
        p.fillRect(0, (int) (height * 0.52), width, (int) (height * 0.12));
        p.setColor(body.darker());
        p.fillRect((int) (width * 0.5), 0, (int) (width * 0.03), height);
        p.dispose();
        g.drawImage(product, 0, 0, null);
        g.dispose();
        boolean[] mask = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = shape.contains(x + 0.5, y + 0.5);
            }
        }
        return new Photo(photo, mask, product);
    }

    /** The bottle's outline: body, shoulders, neck and cap. */
    static Shape bottle(int width, int height) {
        double cx = width * 0.5;
        double bodyW = width * 0.3;
        Area shape = new Area(new RoundRectangle2D.Double(
                cx - bodyW / 2, height * 0.35, bodyW, height * 0.5, bodyW * 0.3, bodyW * 0.3));
        shape.add(new Area(new Ellipse2D.Double(cx - bodyW / 2, height * 0.27, bodyW, height * 0.18)));
        shape.add(new Area(
                new RoundRectangle2D.Double(cx - bodyW * 0.17, height * 0.16, bodyW * 0.34, height * 0.16, 6, 6)));
        return shape;
    }
}
