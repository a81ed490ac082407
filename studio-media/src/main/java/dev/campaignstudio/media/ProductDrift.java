package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What high creative variation does to the product itself in the local scene renderer, as a generative model does at
 * high temperature: above a variation of 0.5, and scaled by the stylisation the constraints allow, a seeded draw may
 * turn the product's hue, squash it or shear it. A locked palette rules out the hue turn; stylisation 0 rules out all.
 * The drift is real pixels, so the fidelity loop catches it by scoring the image, not by being told.
 */
final class ProductDrift {

    /** Variation below which the product is never touched. */
    static final double ONSET = 0.5;

    /** A way the product drifts. */
    enum Kind {
        HUE,
        SQUASH,
        SHEAR
    }

    private ProductDrift() {}

    /** How strongly the product may drift (0 none, 1 most) at {@code variation} under {@code constraints}. */
    static double amount(double variation, Constraints constraints) {
        return Math.max(0, (variation - ONSET) / (1 - ONSET)) * Math.max(0, Math.min(1, constraints.stylisation()));
    }

    /** The product as this generation draws it: itself, or drifted; {@code seed} decides whether and how. */
    static BufferedImage apply(BufferedImage product, double variation, Constraints constraints, long seed) {
        double amount = amount(variation, constraints);
        if (amount <= 0) {
            return product;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        if (random.nextDouble() >= 0.3 + 0.6 * amount) {
            return product;
        }
        List<Kind> kinds = new ArrayList<>(List.of(Kind.SQUASH, Kind.SHEAR));
        if (!constraints.lockPalette()) {
            kinds.add(Kind.HUE);
        }
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (kind) {
            case HUE -> hueTurned(product, (float) (sign * (50 + 100 * amount)));
            case SQUASH -> {
                double factor = 1 - (0.2 + 0.25 * amount);
                yield transformed(
                        product,
                        sign > 0
                                ? AffineTransform.getScaleInstance(factor, 1)
                                : AffineTransform.getScaleInstance(1, factor));
            }
            case SHEAR -> transformed(product, AffineTransform.getShearInstance(sign * (0.2 + 0.25 * amount), 0));
        };
    }

    static BufferedImage hueTurned(BufferedImage image, float degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        float[] hsb = new float[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                Color.RGBtoHSB(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, hsb);
                float hue = (hsb[0] + degrees / 360f) % 1f;
                int rgb = Color.HSBtoRGB(hue < 0 ? hue + 1 : hue, hsb[1], hsb[2]);
                out.setRGB(x, y, (argb & 0xFF000000) | (rgb & 0xFFFFFF));
            }
        }
        return out;
    }

    static BufferedImage transformed(BufferedImage image, AffineTransform transform) {
        Rectangle bounds = transform
                .createTransformedShape(new Rectangle(0, 0, image.getWidth(), image.getHeight()))
                .getBounds();
        BufferedImage out =
                new BufferedImage(Math.max(1, bounds.width), Math.max(1, bounds.height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = Images.quality(out.createGraphics());
        g.translate(-bounds.x, -bounds.y);
        g.drawImage(image, transform, null);
        g.dispose();
        return out;
    }
}
