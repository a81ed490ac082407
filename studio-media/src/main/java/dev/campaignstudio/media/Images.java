package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.engine.StepFault;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reading, writing and converting images, whatever decodes them. */
final class Images {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Images() {
    }

    /** Decodes PNG, JPEG or WebP (with alpha when it has one) into ARGB. */
    static BufferedImage decode(byte[] data) throws StepFault {
        Mat encoded = new Mat(new BytePointer(data));
        Mat mat = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_UNCHANGED);
        if (mat == null || mat.empty()) {
            throw StepFault.permanent("SOURCE_UNREADABLE", "the image does not decode");
        }
        try {
            return Mats.toArgb(mat);
        } finally {
            mat.close();
            encoded.close();
        }
    }

    /** PNG bytes of {@code image} (with its alpha). */
    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JPEG bytes of {@code image} (flattened on white). */
    static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(copy(image, BufferedImage.TYPE_3BYTE_BGR), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new image of {@code type} with {@code image} drawn on white (for opaque types) or clear. */
    static BufferedImage copy(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        if (!copy.getColorModel().hasAlpha()) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
        }
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** {@code image} scaled to {@code width} x {@code height}, smoothly. */
    static BufferedImage scaled(BufferedImage image, int width, int height) {
        // a large reduction in one bicubic step samples a few source pixels per output pixel and aliases: halve first
        while (image.getWidth() >= 2 * Math.max(1, width) * 2 && image.getHeight() >= 2 * Math.max(1, height) * 2) {
            BufferedImage half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_ARGB);
            Graphics2D h = half.createGraphics();
            h.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            h.setComposite(AlphaComposite.Src);
            h.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
            h.dispose();
            image = half;
        }
        BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = quality(out.createGraphics());
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Turns on antialiasing and bicubic sampling. */
    static Graphics2D quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return g;
    }

    /** A child of {@code g} that draws only inside {@code region}; dispose it when done. */
    static Graphics2D clipped(Graphics2D g, Box region) {
        Graphics2D child = (Graphics2D) g.create();
        child.clipRect(region.x(), region.y(), region.width(), region.height());
        return child;
    }

    /** A colour from {@code #rrggbb}. */
    static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /** {@code #rrggbb} of a colour. */
    static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
