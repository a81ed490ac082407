package dev.campaignstudio.media;

import dev.campaignstudio.core.asset.ImageFormat;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Reading, writing and converting images, whatever decodes them. */
final class Images {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Images() {}

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

    /**
     * Decodes a photo into ARGB no larger than {@code longSide} on its long side. One that fits is decoded exactly as
     * {@link #decode} does. A larger one is never held at full size: a JPEG is decoded reduced by libjpeg (1/2, 1/4 or
     * 1/8, the smallest that still covers {@code longSide}), a PNG subsampled row by row by ImageIO, and either is then
     * resized to fit. WebP, which has no reduced decoding here, is decoded whole and resized (its header is within the
     * pixel limit, and WebP cannot pass 16383 pixels a side).
     */
    static BufferedImage decodeWithin(byte[] data, int longSide) throws StepFault {
        Optional<ImageInfo> header = ImageSniffer.sniff(data);
        if (header.isEmpty() || Math.max(header.get().width(), header.get().height()) <= longSide) {
            return decode(data);
        }
        ImageInfo info = header.get();
        double scale = longSide / (double) Math.max(info.width(), info.height());
        int width = Math.max(1, (int) Math.round(info.width() * scale));
        int height = Math.max(1, (int) Math.round(info.height() * scale));
        if (info.format() == ImageFormat.PNG) {
            return scaled(
                    subsampledPng(data, Math.max(1, Math.max(info.width(), info.height()) / longSide)), width, height);
        }
        int flags = opencv_imgcodecs.IMREAD_UNCHANGED;
        if (info.format() == ImageFormat.JPEG) {
            flags = reducedJpegFlags(Math.max(info.width(), info.height()), longSide);
        }
        Mat encoded = new Mat(new BytePointer(data));
        Mat mat = opencv_imgcodecs.imdecode(encoded, flags);
        Mat fitted = new Mat();
        try {
            if (mat == null || mat.empty()) {
                throw StepFault.permanent("SOURCE_UNREADABLE", "the image does not decode");
            }
            opencv_imgproc.resize(mat, fitted, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
            return Mats.toArgb(fitted);
        } finally {
            fitted.close();
            if (mat != null) {
                mat.close();
            }
            encoded.close();
        }
    }

    /** The libjpeg reduction (1/8, 1/4, 1/2 or none) that keeps at least {@code longSide} pixels, orientation as stored. */
    private static int reducedJpegFlags(int photoLongSide, int longSide) {
        int[][] reductions = {
            {8, opencv_imgcodecs.IMREAD_REDUCED_COLOR_8},
            {4, opencv_imgcodecs.IMREAD_REDUCED_COLOR_4},
            {2, opencv_imgcodecs.IMREAD_REDUCED_COLOR_2}
        };
        for (int[] reduction : reductions) {
            if ((photoLongSide + reduction[0] - 1) / reduction[0] >= longSide) {
                return reduction[1] | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
            }
        }
        return opencv_imgcodecs.IMREAD_COLOR | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
    }

    /** A PNG read keeping every {@code step}-th pixel of every {@code step}-th row. */
    private static BufferedImage subsampledPng(byte[] data, int step) throws StepFault {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw StepFault.permanent("SOURCE_UNREADABLE", "the image does not decode");
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
            BufferedImage half =
                    new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_ARGB);
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
