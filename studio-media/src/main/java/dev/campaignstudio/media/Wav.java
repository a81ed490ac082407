package dev.campaignstudio.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** 16-bit mono PCM WAV: writing, reading, resampling. */
final class Wav {

    private Wav() {
    }

    /**
     * Mono samples and their rate.
     *
     * @param samples    16-bit samples
     * @param sampleRate samples per second
     */
    record Pcm(short[] samples, int sampleRate) {

        long durationMs() {
            return Math.round(samples.length * 1000.0 / sampleRate);
        }
    }

    static byte[] write(Pcm pcm) {
        byte[] bytes = new byte[pcm.samples().length * 2];
        for (int i = 0; i < pcm.samples().length; i++) {
            bytes[i * 2] = (byte) pcm.samples()[i];
            bytes[i * 2 + 1] = (byte) (pcm.samples()[i] >> 8);
        }
        AudioFormat format = new AudioFormat(pcm.sampleRate(), 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, pcm.samples().length)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pcm read(byte[] wav) {
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat source = stream.getFormat();
            AudioFormat target = new AudioFormat(source.getSampleRate(), 16, 1, true, false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, stream)) {
                byte[] bytes = pcm.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((bytes[i * 2] & 0xFF) | (bytes[i * 2 + 1] << 8));
                }
                return new Pcm(samples, (int) source.getSampleRate());
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not a PCM WAV", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pcm} at {@code rate}, by linear interpolation. */
    static short[] resample(Pcm pcm, int rate) {
        if (pcm.sampleRate() == rate) {
            return pcm.samples().clone();
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
}
