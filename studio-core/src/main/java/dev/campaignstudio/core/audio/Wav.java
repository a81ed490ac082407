package dev.campaignstudio.core.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * PCM WAV files in plain Java: written as 16-bit mono, read (integer PCM of 8 to 32 bits or 32-bit float, any number
 * of channels, mixed down to mono), resampled, joined end to end and timed. The local speech and lip-sync adapters
 * and the output stages share it (docs/media.md).
 */
public final class Wav {

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private Wav() {}

    /**
     * Mono samples and their rate.
     *
     * @param samples    16-bit samples
     * @param sampleRate samples per second
     */
    public record Pcm(short[] samples, int sampleRate) {

        public Pcm {
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("the sample rate must be positive, was " + sampleRate);
            }
        }

        /** Length in milliseconds, rounded. */
        public long durationMs() {
            return Math.round(samples.length * 1000.0 / sampleRate);
        }
    }

    /** A 16-bit mono PCM WAV file of {@code pcm}. */
    public static byte[] write(Pcm pcm) {
        short[] samples = pcm.samples();
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + samples.length * 2).put(ascii("WAVE"));
        out.put(ascii("fmt "))
                .putInt(16)
                .putShort((short) PCM)
                .putShort((short) 1)
                .putInt(pcm.sampleRate())
                .putInt(pcm.sampleRate() * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        out.put(ascii("data")).putInt(samples.length * 2);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }

    /**
     * The samples of a WAV file, mixed down to mono 16-bit at the file's own rate.
     *
     * @throws IllegalArgumentException when it is not a WAV file of integer PCM or 32-bit float samples
     */
    public static Pcm read(byte[] file) {
        Chunks chunks = Chunks.of(file);
        ByteBuffer format = ByteBuffer.wrap(chunks.format()).order(ByteOrder.LITTLE_ENDIAN);
        int tag = format.getShort(0) & 0xFFFF;
        int channels = format.getShort(2) & 0xFFFF;
        int rate = format.getInt(4);
        int bits = format.getShort(14) & 0xFFFF;
        if (tag == EXTENSIBLE && chunks.format().length >= 26) {
            tag = format.getShort(24) & 0xFFFF;
        }
        boolean floats = tag == FLOAT && bits == 32;
        if (!(tag == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) && !floats || channels == 0) {
            throw new IllegalArgumentException("not a PCM WAV file (format " + tag + ", " + bits + " bits)");
        }
        int width = bits / 8;
        ByteBuffer data = ByteBuffer.wrap(chunks.data()).order(ByteOrder.LITTLE_ENDIAN);
        int frames = chunks.data().length / (width * channels);
        short[] samples = new short[frames];
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += sample(data, (frame * channels + channel) * width, bits, floats);
            }
            samples[frame] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum / channels)));
        }
        return new Pcm(samples, rate);
    }

    private static double sample(ByteBuffer data, int at, int bits, boolean floats) {
        if (floats) {
            return data.getFloat(at) * 32767.0;
        }
        return switch (bits) {
            case 8 -> ((data.get(at) & 0xFF) - 128) << 8;
            case 16 -> data.getShort(at);
            case 24 -> ((data.get(at + 2) << 16) | ((data.get(at + 1) & 0xFF) << 8) | (data.get(at) & 0xFF)) >> 8;
            default -> data.getInt(at) >> 16;
        };
    }

    /** {@code pcm} at {@code rate}, by linear interpolation. */
    public static short[] resample(Pcm pcm, int rate) {
        if (pcm.sampleRate() == rate) {
            return pcm.samples().clone();
        }
        if (pcm.samples().length == 0) {
            return new short[0];
        }
        int length = (int) Math.round(pcm.samples().length * (double) rate / pcm.sampleRate());
        short[] out = new short[length];
        double step = (double) pcm.sampleRate() / rate;
        for (int i = 0; i < length; i++) {
            double position = i * step;
            int index = (int) position;
            double fraction = position - index;
            int a = pcm.samples()[Math.min(index, pcm.samples().length - 1)];
            int b = pcm.samples()[Math.min(index + 1, pcm.samples().length - 1)];
            out[i] = (short) Math.round(a + (b - a) * fraction);
        }
        return out;
    }

    /**
     * Joins PCM WAV files that share one format into one: the voice-over of a video from the speech of its segments.
     *
     * @throws IllegalArgumentException when a file is not PCM WAV or the formats differ
     */
    public static byte[] concat(List<byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        byte[] format = null;
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        for (byte[] file : files) {
            Chunks chunks = Chunks.of(file);
            chunks.requirePcm();
            if (format == null) {
                format = chunks.format();
            } else if (!Arrays.equals(format, chunks.format())) {
                throw new IllegalArgumentException("the WAV files have different formats");
            }
            samples.write(chunks.data(), 0, chunks.data().length);
        }
        byte[] data = samples.toByteArray();
        ByteBuffer out =
                ByteBuffer.allocate(12 + 8 + format.length + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(4 + 8 + format.length + 8 + data.length).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(format.length).put(format);
        out.put(ascii("data")).putInt(data.length).put(data);
        return out.array();
    }

    /** Length of a PCM WAV file in milliseconds. */
    public static long durationMs(byte[] file) {
        Chunks chunks = Chunks.of(file);
        chunks.requirePcm();
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
            if (file.length < 12
                    || !tag(file, 0).equals("RIFF")
                    || !tag(file, 8).equals("WAVE")) {
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
            if (format == null || data == null || format.length < 16) {
                throw new IllegalArgumentException("not a PCM WAV file");
            }
            return new Chunks(format, data);
        }

        void requirePcm() {
            if (ByteBuffer.wrap(format).order(ByteOrder.LITTLE_ENDIAN).getShort(0) != PCM) {
                throw new IllegalArgumentException("not a PCM WAV file");
            }
        }

        private static String tag(byte[] file, int at) {
            return new String(file, at, 4, StandardCharsets.US_ASCII);
        }
    }
}
