package dev.campaignstudio.server.adapter.out.imageio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Walks a WebP's RIFF container: the chunks must fill the size the RIFF header declares, so a file cut short is found
 * without a WebP decoder (the JDK has none). Bytes after the declared size are ignored.
 */
final class RiffChunks {

    private static final int HEADER = 12;

    private RiffChunks() {}

    /** What is wrong with the WebP {@code in} holds, or empty. */
    static Optional<String> damage(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER) {
            return Optional.of(ImageIoDecoder.ENDS_EARLY);
        }
        long left = uint32le(header, 4) - 4;
        if (left < 8) {
            return Optional.of("it declares no chunks");
        }
        while (left > 0) {
            byte[] chunk = in.readNBytes(8);
            if (chunk.length < 8) {
                return Optional.of(ImageIoDecoder.ENDS_EARLY);
            }
            long size = uint32le(chunk, 4);
            long body = size + (size & 1);
            if (8 + body > left) {
                return Optional.of("a chunk is longer than the file declares");
            }
            if (!skipped(in, body)) {
                return Optional.of(ImageIoDecoder.ENDS_EARLY);
            }
            left -= 8 + body;
        }
        return Optional.empty();
    }

    private static boolean skipped(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long done = in.skip(left);
            if (done <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                done = 1;
            }
            left -= done;
        }
        return true;
    }

    private static long uint32le(byte[] d, int i) {
        return (d[i] & 0xFFL) | ((d[i + 1] & 0xFFL) << 8) | ((d[i + 2] & 0xFFL) << 16) | ((d[i + 3] & 0xFFL) << 24);
    }
}
