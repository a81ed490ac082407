package dev.campaignstudio.core.asset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * IPTC's digital source type of a generated file, written into it as XMP so that platforms can label AI content
 * (docs/providers.md, "Cost and provenance"): in a PNG an {@code iTXt} chunk {@code XML:com.adobe.xmp} after the
 * header, in a JPEG an {@code APP1} XMP segment after the start (and JFIF) segments, in an MP4 a top-level XMP
 * {@code uuid} box at the end (no sample offset moves). Other files are left as they are.
 */
public enum DigitalSourceType {

    /** Made by a trained model (a remote image or video model). */
    TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia"),
    /** Put together from parts of which some a trained model made (a video stitched from generated clips). */
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
    /** Put together by algorithms from the product's own pictures, no trained model involved (the local adapters). */
    COMPOSITE_SYNTHETIC("compositeSynthetic");

    /** IPTC's vocabulary of digital source types. */
    public static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String PNG_KEYWORD = "XML:com.adobe.xmp";
    private static final String JPEG_XMP = "http://ns.adobe.com/xap/1.0/\0";
    private static final byte[] XMP_UUID = java.util.HexFormat.of().parseHex("BE7ACFCB97A942E89C71999491E3AFAC");
    private static final Pattern SOURCE = Pattern.compile("Iptc4xmpExt:DigitalSourceType=\"([^\"]+)\"");

    private final String code;

    DigitalSourceType(String code) {
        this.code = code;
    }

    /** The term's URI, e.g. {@code http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia}. */
    public String uri() {
        return VOCABULARY + code;
    }

    /** The XMP packet that says it. */
    public String xmp() {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"" + uri() + "\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>";
    }

    /** {@code data} ({@code mediaType}) with this type written in; data of other types as it is. */
    public byte[] label(byte[] data, String mediaType) {
        byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
        return switch (mediaType) {
            case "image/png" -> startsWith(data, PNG) && data.length > 33 ? png(data, xmp) : data;
            case "image/jpeg" -> isJpeg(data) ? jpeg(data, xmp) : data;
            case "video/mp4" -> data.length > 8 ? mp4(data, xmp) : data;
            default -> data;
        };
    }

    /**
     * Writes this type into a local MP4 file by appending its {@code uuid} box, so a video is never read into memory;
     * files of other types are left as they are.
     */
    public void label(java.nio.file.Path file, String mediaType) throws java.io.IOException {
        if (!"video/mp4".equals(mediaType) || java.nio.file.Files.size(file) <= 8) {
            return;
        }
        byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
        ByteBuffer box = ByteBuffer.allocate(8 + 16 + xmp.length)
                .putInt(8 + 16 + xmp.length)
                .put("uuid".getBytes(StandardCharsets.US_ASCII))
                .put(XMP_UUID)
                .put(xmp);
        java.nio.file.Files.write(file, box.array(), java.nio.file.StandardOpenOption.APPEND);
    }

    /** The digital source type URI a PNG, JPEG or MP4 carries in its XMP, if any. */
    public static Optional<String> read(byte[] data) {
        String xmp = startsWith(data, PNG) ? pngXmp(data) : isJpeg(data) ? jpegXmp(data) : mp4Xmp(data);
        if (xmp == null) {
            return Optional.empty();
        }
        Matcher matcher = SOURCE.matcher(xmp);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static byte[] png(byte[] data, byte[] xmp) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        chunk.writeBytes(new byte[] {0, 0, 0, 0, 0});
        chunk.writeBytes(xmp);
        byte[] body = chunk.toByteArray();
        int afterHeader = 8 + 8 + ByteBuffer.wrap(data, 8, 4).getInt() + 4;
        ByteBuffer out = ByteBuffer.allocate(data.length + body.length + 12);
        out.put(data, 0, afterHeader).putInt(body.length);
        byte[] typed = new byte[body.length + 4];
        System.arraycopy("iTXt".getBytes(StandardCharsets.US_ASCII), 0, typed, 0, 4);
        System.arraycopy(body, 0, typed, 4, body.length);
        CRC32 crc = new CRC32();
        crc.update(typed);
        out.put(typed).putInt((int) crc.getValue()).put(data, afterHeader, data.length - afterHeader);
        return out.array();
    }

    private static String pngXmp(byte[] data) {
        int at = 8;
        while (at + 12 <= data.length) {
            int length = ByteBuffer.wrap(data, at, 4).getInt();
            String type = new String(data, at + 4, 4, StandardCharsets.US_ASCII);
            if (length < 0 || at + 12L + length > data.length) {
                return null;
            }
            String text = new String(data, at + 8, length, StandardCharsets.ISO_8859_1);
            if (type.equals("iTXt") && text.startsWith(PNG_KEYWORD + "\0")) {
                int start = PNG_KEYWORD.length() + 3;
                start = text.indexOf('\0', start) + 1;
                start = text.indexOf('\0', start) + 1;
                return new String(data, at + 8 + start, length - start, StandardCharsets.UTF_8);
            }
            at += 12 + length;
        }
        return null;
    }

    private static byte[] jpeg(byte[] data, byte[] xmp) {
        int at = 2;
        if (data.length > 6 && (data[2] & 0xFF) == 0xFF && (data[3] & 0xFF) == 0xE0) {
            at = 4 + ((data[4] & 0xFF) << 8 | data[5] & 0xFF);
        }
        byte[] namespace = JPEG_XMP.getBytes(StandardCharsets.US_ASCII);
        int length = 2 + namespace.length + xmp.length;
        ByteBuffer out = ByteBuffer.allocate(data.length + 2 + length);
        out.put(data, 0, at)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(namespace)
                .put(xmp)
                .put(data, at, data.length - at);
        return out.array();
    }

    private static String jpegXmp(byte[] data) {
        int at = 2;
        while (at + 4 <= data.length && (data[at] & 0xFF) == 0xFF) {
            int marker = data[at + 1] & 0xFF;
            int length = (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
            if (marker == 0xDA || at + 2 + length > data.length) {
                return null;
            }
            String segment = new String(data, at + 4, length - 2, StandardCharsets.ISO_8859_1);
            if (marker == 0xE1 && segment.startsWith(JPEG_XMP)) {
                int start = at + 4 + JPEG_XMP.length();
                return new String(data, start, length - 2 - JPEG_XMP.length(), StandardCharsets.UTF_8);
            }
            at += 2 + length;
        }
        return null;
    }

    private static byte[] mp4(byte[] data, byte[] xmp) {
        ByteBuffer out = ByteBuffer.allocate(data.length + 8 + 16 + xmp.length);
        out.put(data)
                .putInt(8 + 16 + xmp.length)
                .put("uuid".getBytes(StandardCharsets.US_ASCII))
                .put(XMP_UUID)
                .put(xmp);
        return out.array();
    }

    private static String mp4Xmp(byte[] data) {
        long at = 0;
        while (at + 8 <= data.length) {
            long size = ByteBuffer.wrap(data, (int) at, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(data, (int) at + 4, 4, StandardCharsets.US_ASCII);
            int header = 8;
            if (size == 1 && at + 16 <= data.length) {
                size = ByteBuffer.wrap(data, (int) at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = data.length - at;
            }
            if (size < header || at + size > data.length) {
                return null;
            }
            int uuidAt = (int) at + header;
            if (type.equals("uuid")
                    && size >= header + 16
                    && java.util.Arrays.equals(data, uuidAt, uuidAt + 16, XMP_UUID, 0, 16)) {
                int start = (int) at + header + 16;
                return new String(data, start, (int) (at + size) - start, StandardCharsets.UTF_8);
            }
            at += size;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length
                && java.util.Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isJpeg(byte[] data) {
        return data.length > 4 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8;
    }
}
