package dev.campaignstudio.server.adapter.out.imageio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks as the format defines them: the header chunk first, every chunk's CRC right, image data present,
 * and an end chunk. ImageIO checks none of these, so a PNG cut after its pixel data, or with a damaged chunk, would
 * otherwise pass.
 */
final class PngChunks {

    private static final int SIGNATURE = 8;

    private PngChunks() {}

    /** What is wrong with the PNG {@code in} holds, or empty; bytes after the end chunk are ignored. */
    static Optional<String> damage(InputStream in) throws IOException {
        skip(in, SIGNATURE);
        byte[] head = new byte[8];
        byte[] buffer = new byte[8192];
        boolean first = true;
        boolean imageData = false;
        while (true) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return Optional.of(ImageIoDecoder.ENDS_EARLY);
            }
            long length =
                    ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE) {
                return Optional.of("its " + printable(type) + " chunk claims an impossible length");
            }
            if (first && !type.equals("IHDR")) {
                return Optional.of("it does not start with its header chunk");
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(head, 4, 4);
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return Optional.of(ImageIoDecoder.ENDS_EARLY);
                }
                crc.update(buffer, 0, n);
                left -= n;
            }
            byte[] stored = in.readNBytes(4);
            if (stored.length < 4) {
                return Optional.of(ImageIoDecoder.ENDS_EARLY);
            }
            long expected = ((stored[0] & 0xFFL) << 24)
                    | ((stored[1] & 0xFF) << 16)
                    | ((stored[2] & 0xFF) << 8)
                    | (stored[3] & 0xFF);
            if (expected != crc.getValue()) {
                return Optional.of("the checksum of its " + printable(type) + " chunk is wrong");
            }
            imageData |= type.equals("IDAT");
            if (type.equals("IEND")) {
                return imageData ? Optional.empty() : Optional.of("it has no image data");
            }
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ? type : "unnamed";
    }

    private static void skip(InputStream in, int count) throws IOException {
        if (in.readNBytes(count).length < count) {
            throw new EOFException();
        }
    }
}
