package dev.campaignstudio.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Large photos for the working-size tests, made cheaply: grey, a dark rectangle (the product) from a third to two
 * thirds across and a quarter to three quarters down, on a light striped background.
 */
final class LargePhotos {

    private LargePhotos() {}

    /** A greyscale JPEG (one byte a pixel while it is drawn). */
    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < width; x += 40) {
            g.setColor(x / 40 % 2 == 0 ? new Color(225, 225, 225) : new Color(205, 205, 205));
            g.fillRect(x, 0, 40, height);
        }
        g.setColor(new Color(40, 40, 40));
        g.fillRect(width / 3, height / 4, width / 3, height / 2);
        g.dispose();
        return Images.jpeg(image);
    }

    /** An 8-bit greyscale PNG written row by row, so it never exists as pixels in memory. */
    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
                byte[] row = new byte[1 + width];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean product = x >= width / 3 && x < width * 2 / 3 && y >= height / 4 && y < height * 3 / 4;
                        row[1 + x] = (byte) (product ? 40 : x / 40 % 2 == 0 ? 225 : 205);
                    }
                    z.write(row);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(
                    png,
                    "IHDR",
                    ByteBuffer.allocate(13)
                            .putInt(width)
                            .putInt(height)
                            .put((byte) 8)
                            .put((byte) 0)
                            .put((byte) 0)
                            .put((byte) 0)
                            .put((byte) 0)
                            .array());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
