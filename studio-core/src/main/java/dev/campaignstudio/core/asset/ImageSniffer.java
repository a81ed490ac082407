package dev.campaignstudio.core.asset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells an image's format and size from its bytes (never from a file name or a declared type), reading only headers,
 * so a huge image can be refused before anything allocates its pixels.
 */
public final class ImageSniffer {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageSniffer() {
    }

    /** The format and size of {@code data}, or empty when it is not a PNG, JPEG or WebP with a readable header. */
    public static Optional<ImageInfo> sniff(byte[] data) {
        if (startsWith(data, PNG_SIGNATURE)) {
            return png(data);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return jpeg(data);
        }
        if (data.length >= 12 && ascii(data, 0, 4).equals("RIFF") && ascii(data, 8, 4).equals("WEBP")) {
            return webp(data);
        }
        return Optional.empty();
    }

    private static Optional<ImageInfo> png(byte[] d) {
        if (d.length < 24 || !ascii(d, 12, 4).equals("IHDR")) {
            return Optional.empty();
        }
        return sized(ImageFormat.PNG, int32(d, 16), int32(d, 20));
    }

    private static Optional<ImageInfo> jpeg(byte[] d) {
        int i = 2;
        while (i + 4 <= d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty();
            }
            int length = uint16(d, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (i + 9 > d.length) {
                    return Optional.empty();
                }
                return sized(ImageFormat.JPEG, uint16(d, i + 7), uint16(d, i + 5));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
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
