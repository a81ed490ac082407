package dev.campaignstudio.server.support;

import dev.campaignstudio.core.asset.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a large, valid PNG (16-bit RGB, stored without compression) straight to a file, a few hundred kilobytes in
 * memory at a time, so a test can upload an image of hundreds of megabytes.
 */
public final class LargePng {

    private LargePng() {}

    /**
     * Writes a {@code width} x {@code height} 16-bit RGB PNG to {@code file}; returns its SHA-256. Its size is about
     * {@code width * height * 6} bytes.
     */
    public static String write(Path file, int width, int height) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            writeInt(header, width);
            writeInt(header, height);
            header.write(new byte[] {16, 2, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray(), header.size());
            try (ChunkedIdat idat = new ChunkedIdat(out);
                    DeflaterOutputStream zlib =
                            new DeflaterOutputStream(idat, new Deflater(Deflater.NO_COMPRESSION), 1 << 16)) {
                byte[] row = new byte[1 + width * 6];
                for (int y = 0; y < height; y++) {
                    row[0] = 0;
                    for (int x = 0; x < width; x++) {
                        int i = 1 + x * 6;
                        row[i] = (byte) x;
                        row[i + 2] = (byte) y;
                        row[i + 4] = (byte) (x ^ y);
                    }
                    zlib.write(row);
                }
            }
            chunk(out, "IEND", new byte[0], 0);
        }
        return Sha256.hex(digest);
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        ByteArrayOutputStream len = new ByteArrayOutputStream();
        writeInt(len, length);
        out.write(len.toByteArray());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.write(name);
        out.write(data, 0, length);
        ByteArrayOutputStream sum = new ByteArrayOutputStream();
        writeInt(sum, (int) crc.getValue());
        out.write(sum.toByteArray());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** Cuts what is written into IDAT chunks of at most 256 KiB. */
    private static final class ChunkedIdat extends OutputStream {

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 18];
        private int used;

        ChunkedIdat(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(data, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                chunk(out, "IDAT", buffer, used);
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }
}
