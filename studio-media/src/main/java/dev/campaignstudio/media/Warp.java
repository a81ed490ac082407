package dev.campaignstudio.media;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An affine move of a BGR frame with bilinear sampling, edges clamped. Meant for transforms near 1:1 (a few percent of
 * zoom, a degree of tilt), where it looks as Java2D's bicubic does at a small fraction of the cost.
 */
final class Warp {

    private Warp() {}

    /** {@code source} (TYPE_3BYTE_BGR) moved by {@code toOutput} onto a new {@code width} x {@code height} BGR frame. */
    static BufferedImage affine(BufferedImage source, AffineTransform toOutput, int width, int height) {
        return affine(source, toOutput, new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR));
    }

    /** {@code source} moved by {@code toOutput} into {@code out} (TYPE_3BYTE_BGR, every pixel written); answers it. */
    static BufferedImage affine(BufferedImage source, AffineTransform toOutput, BufferedImage out) {
        if (source.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            source = Images.copy(source, BufferedImage.TYPE_3BYTE_BGR);
        }
        int width = out.getWidth();
        int height = out.getHeight();
        double[] m = new double[6];
        try {
            toOutput.createInverse().getMatrix(m);
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("the transform flattens the frame", e);
        }
        byte[] from = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        byte[] to = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int sw = source.getWidth();
        int sh = source.getHeight();
        int maxX = (sw - 1) << 16;
        int maxY = (sh - 1) << 16;
        int stepX = (int) Math.round(m[0] * 65536);
        int stepY = (int) Math.round(m[1] * 65536);
        int stride = sw * 3;
        if (m[1] == 0 && m[2] == 0) {
            scaled(from, sw, sh, m, to, width, height);
            return out;
        }
        int p = 0;
        for (int y = 0; y < height; y++) {
            int sx = (int) Math.round((m[2] * (y + 0.5) + m[4] - 0.5 + m[0] * 0.5) * 65536);
            int sy = (int) Math.round((m[3] * (y + 0.5) + m[5] - 0.5 + m[1] * 0.5) * 65536);
            for (int x = 0; x < width; x++, p += 3, sx += stepX, sy += stepY) {
                int cx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
                int cy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
                int x0 = cx >> 16;
                int y0 = cy >> 16;
                int wx = cx >> 8 & 0xFF;
                int wy = cy >> 8 & 0xFF;
                int a = y0 * stride + x0 * 3;
                int b = a + (x0 < sw - 1 ? 3 : 0);
                int down = y0 < sh - 1 ? stride : 0;
                to[p] = mix(from, a, b, down, wx, wy);
                to[p + 1] = mix(from, a + 1, b + 1, down, wx, wy);
                to[p + 2] = mix(from, a + 2, b + 2, down, wx, wy);
            }
        }
        return out;
    }

    /**
     * The same bilinear samples for a zoom and pan without tilt (the camera moves), in two passes: each output row
     * blends its two source rows into one row of 16-bit sums (a plain loop over contiguous bytes), then each output
     * pixel blends two neighbours of that row, their places and weights worked out once per frame. Blending rows first
     * and columns second gives the very values of {@link #mix}, which blends columns first: both are exact integer sums
     * of the same four products.
     */
    private static void scaled(byte[] from, int sw, int sh, double[] m, byte[] to, int width, int height) {
        int maxX = (sw - 1) << 16;
        int maxY = (sh - 1) << 16;
        int stepX = (int) Math.round(m[0] * 65536);
        int[] left = new int[width];
        int[] right = new int[width];
        int[] weight = new int[width];
        int sx = (int) Math.round((m[4] - 0.5 + m[0] * 0.5) * 65536);
        for (int x = 0; x < width; x++, sx += stepX) {
            int cx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
            int x0 = cx >> 16;
            left[x] = x0 * 3;
            right[x] = (x0 < sw - 1 ? x0 + 1 : x0) * 3;
            weight[x] = cx >> 8 & 0xFF;
        }
        int stride = sw * 3;
        int[] row = new int[stride];
        int p = 0;
        for (int y = 0; y < height; y++) {
            int sy = (int) Math.round((m[3] * (y + 0.5) + m[5] - 0.5) * 65536);
            int cy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
            int top = (cy >> 16) * stride;
            int bottom = cy >> 16 < sh - 1 ? top + stride : top;
            int wy = cy >> 8 & 0xFF;
            int keep = 256 - wy;
            for (int i = 0; i < stride; i++) {
                row[i] = (from[top + i] & 0xFF) * keep + (from[bottom + i] & 0xFF) * wy;
            }
            for (int x = 0; x < width; x++, p += 3) {
                int a = left[x];
                int b = right[x];
                int wx = weight[x];
                int ka = 256 - wx;
                to[p] = (byte) ((row[a] * ka + row[b] * wx + 32_768) >> 16);
                to[p + 1] = (byte) ((row[a + 1] * ka + row[b + 1] * wx + 32_768) >> 16);
                to[p + 2] = (byte) ((row[a + 2] * ka + row[b + 2] * wx + 32_768) >> 16);
            }
        }
    }

    /** One channel between four samples: {@code a} and its right {@code b}, and both {@code down}, by 8-bit weights. */
    private static byte mix(byte[] from, int a, int b, int down, int wx, int wy) {
        int top = (from[a] & 0xFF) * (256 - wx) + (from[b] & 0xFF) * wx;
        int bottom = (from[a + down] & 0xFF) * (256 - wx) + (from[b + down] & 0xFF) * wx;
        return (byte) ((top * (256 - wy) + bottom * wy + 32_768) >> 16);
    }
}
