package dev.campaignstudio.core.asset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells an image's format and size from its bytes (never from a file name or a declared type), reading only headers,
 * so a huge image can be refused before anything allocates its pixels.
 */
public final class ImageSniffer {

    /** Bytes read before deciding the format: enough for the PNG IHDR and every WebP frame header. */
    private static final int HEAD = 30;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageSniffer() {}

    /** The format and size of {@code data}, or empty when it is not a PNG, JPEG or WebP with a readable header. */
    public static Optional<ImageInfo> sniff(byte[] data) {
        try {
            return sniff(new ByteArrayInputStream(data));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * The format and size of the image {@code in} starts with, or empty when it is not a PNG, JPEG or WebP with a
     * readable header. Reads only as far as the header (for a JPEG, segment by segment to its frame header, skipping
     * the others); the caller closes the stream.
     *
     * @throws IOException when the stream cannot be read (a stream that ends early is not an image, not an error)
     */
    public static Optional<ImageInfo> sniff(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        if (startsWith(head, PNG_SIGNATURE)) {
            return png(head);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return jpeg(new SequenceInputStream(new ByteArrayInputStream(head, 2, head.length - 2), in));
        }
        if (head.length >= 12
                && ascii(head, 0, 4).equals("RIFF")
                && ascii(head, 8, 4).equals("WEBP")) {
            return webp(head);
        }
        return Optional.empty();
    }

    private static Optional<ImageInfo> png(byte[] d) {
        if (d.length < 24 || !ascii(d, 12, 4).equals("IHDR")) {
            return Optional.empty();
        }
        return sized(ImageFormat.PNG, int32(d, 16), int32(d, 20));
    }

    /** Walks the markers after SOI to the first frame header; a scan or the end before one means no readable header. */
    private static Optional<ImageInfo> jpeg(InputStream in) throws IOException {
        int next = in.read();
        while (next >= 0) {
            if (next != 0xFF) {
                return Optional.empty();
            }
            int marker = in.read();
            while (marker == 0xFF) {
                marker = in.read();
            }
            if (marker < 0 || marker == 0xD9 || marker == 0xDA) {
                return Optional.empty();
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                next = in.read();
                continue;
            }
            byte[] length = in.readNBytes(2);
            if (length.length < 2 || uint16(length, 0) < 2) {
                return Optional.empty();
            }
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                byte[] frame = in.readNBytes(5);
                return frame.length < 5
                        ? Optional.empty()
                        : sized(ImageFormat.JPEG, uint16(frame, 3), uint16(frame, 1));
            }
            if (!skipped(in, uint16(length, 0) - 2L)) {
                return Optional.empty();
            }
            next = in.read();
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

    private static Optional<ImageInfo> webp(byte[] d) {
        if (d.length < 30) {
            return Optional.empty();
        }
        String chunk = ascii(d, 12, 4);
        switch (chunk) {
            case "VP8 " -> {
                if ((d[23] & 0xFF) != 0x9D || (d[24] & 0xFF) != 0x01 || (d[25] & 0xFF) != 0x2A) {
                    return Optional.empty();
                }
                return sized(ImageFormat.WEBP, uint16le(d, 26) & 0x3FFF, uint16le(d, 28) & 0x3FFF);
            }
            case "VP8L" -> {
                if ((d[20] & 0xFF) != 0x2F) {
                    return Optional.empty();
                }
                int bits = (d[21] & 0xFF) | (d[22] & 0xFF) << 8 | (d[23] & 0xFF) << 16 | (d[24] & 0xFF) << 24;
                return sized(ImageFormat.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                return sized(ImageFormat.WEBP, uint24le(d, 24) + 1, uint24le(d, 27) + 1);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<ImageInfo> sized(ImageFormat format, long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new ImageInfo(format, (int) width, (int) height));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] d, int offset, int length) {
        return new String(d, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static long int32(byte[] d, int i) {
        return ((long) (d[i] & 0xFF) << 24) | ((d[i + 1] & 0xFF) << 16) | ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
    }

    private static int uint16(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    private static int uint16le(byte[] d, int i) {
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8);
    }

    private static int uint24le(byte[] d, int i) {
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8) | ((d[i + 2] & 0xFF) << 16);
    }
}
