package dev.campaignstudio.core.stage.output;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** PCM WAV files joined end to end: the voice-over of a video from the speech of its segments. */
final class Wav {

    private Wav() {
    }

    /**
     * Joins PCM WAV files that share one format into one.
     *
     * @throws IllegalArgumentException when a file is not PCM WAV or the formats differ
     */
    static byte[] concat(List<byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        byte[] format = null;
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        for (byte[] file : files) {
            Chunks chunks = Chunks.of(file);
            if (format == null) {
                format = chunks.format();
            } else if (!Arrays.equals(format, chunks.format())) {
                throw new IllegalArgumentException("the WAV files have different formats");
            }
            samples.write(chunks.data(), 0, chunks.data().length);
        }
        byte[] data = samples.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + format.length + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(4 + 8 + format.length + 8 + data.length).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(format.length).put(format);
        out.put(ascii("data")).putInt(data.length).put(data);
        return out.array();
    }

    /** Length of a PCM WAV file in milliseconds. */
    static long durationMs(byte[] file) {
        Chunks chunks = Chunks.of(file);
        ByteBuffer format = ByteBuffer.wrap(chunks.format()).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = format.getInt(8);
        return byteRate == 0 ? 0 : chunks.data().length * 1000L / byteRate;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private record Chunks(byte[] format, byte[] data) {

        static Chunks of(byte[] file) {
            ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            if (file.length < 12 || !tag(file, 0).equals("RIFF") || !tag(file, 8).equals("WAVE")) {
                throw new IllegalArgumentException("not a WAV file");
            }
            byte[] format = null;
            byte[] data = null;
            int at = 12;
            while (at + 8 <= file.length) {
                String id = tag(file, at);
                int size = in.getInt(at + 4);
                if (size < 0 || at + 8 + (long) size > file.length) {
                    size = file.length - at - 8;
                }
                if (id.equals("fmt ")) {
                    format = Arrays.copyOfRange(file, at + 8, at + 8 + size);
                } else if (id.equals("data")) {
                    data = Arrays.copyOfRange(file, at + 8, at + 8 + size);
                }
                at += 8 + size + (size % 2);
            }
            if (format == null || data == null || format.length < 16 || ByteBuffer.wrap(format).order(ByteOrder.LITTLE_ENDIAN).getShort(0) != 1) {
                throw new IllegalArgumentException("not a PCM WAV file");
            }
            return new Chunks(format, data);
        }

        private static String tag(byte[] file, int at) {
            return new String(file, at, 4, StandardCharsets.US_ASCII);
        }
    }
}
