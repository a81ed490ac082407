package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.TempFiles;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mp4WriterTest {

    /**
     * Plain BGR frames go to the encoder by a bulk copy, any other image through JavaCV's converter; both must encode
     * the same picture. A sub-image of a larger one (same pixels, other layout) takes the converter's way.
     */
    @ParameterizedTest(name = "{0} pixels wide")
    @ValueSource(ints = {90, 100, 144})
    void plainFramesEncodeAsTheConvertersWayDoes(int width) {
        int height = 96;
        List<BufferedImage> plain = new ArrayList<>();
        List<BufferedImage> viewed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BufferedImage larger = new BufferedImage(width + 8, height + 8, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = larger.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(220, 40 + i * 30, 20), width, height, new Color(10, 60, 230)));
            g.fillRect(0, 0, width + 8, height + 8);
            g.setColor(Color.WHITE);
            g.fillRect(4 + width / 3, 4 + i * 10, width / 4, height / 5);
            g.dispose();
            BufferedImage view = larger.getSubimage(4, 4, width, height);
            viewed.add(view);
            plain.add(Images.copy(view, BufferedImage.TYPE_3BYTE_BGR));
        }
        List<BufferedImage> fast = decoded(write(plain, width, height));
        List<BufferedImage> converted = decoded(write(viewed, width, height));
        assertThat(fast).hasSize(4);
        assertThat(converted).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(meanDifference(fast.get(i), converted.get(i)))
                    .as("frame %d", i)
                    .isLessThan(0.5);
            assertThat(meanDifference(fast.get(i), plain.get(i)))
                    .as("frame %d against its source", i)
                    .isLessThan(6);
        }
    }

    /**
     * The encoder runs a frame behind the caller on its own thread, while the caller goes on drawing into the same image
     * and filling the same sample array: each frame and each block of sound must be what it was when handed over.
     */
    @Test
    void framesAndSoundAreEncodedAsTheyWereWhenHandedOverThoughTheCallerReusesItsImageAndArray() {
        int width = 64;
        int height = 48;
        int fps = 10;
        int perFrame = Mp4Writer.SAMPLE_RATE / fps;
        int count = 12;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        short[] block = new short[perFrame];
        byte[] mp4;
        try (Mp4Writer writer = new Mp4Writer(width, height, fps, true)) {
            for (int i = 0; i < count; i++) {
                Graphics2D g = canvas.createGraphics();
                g.setColor(i % 2 == 0 ? new Color(230, 30, 30) : new Color(30, 30, 230));
                g.fillRect(0, 0, width, height);
                g.dispose();
                writer.frame(canvas);
                for (int n = 0; n < perFrame; n++) {
                    // odd frames carry a 440 Hz tone at half scale, even frames silence
                    block[n] =
                            i % 2 == 1 ? (short) (16000 * Math.sin(2 * Math.PI * 440 * n / Mp4Writer.SAMPLE_RATE)) : 0;
                }
                writer.audio(block, 0, perFrame);
            }
            mp4 = writer.finish();
        }
        List<BufferedImage> frames = decoded(mp4);
        assertThat(frames).hasSize(count);
        for (int i = 0; i < count; i++) {
            int rgb = frames.get(i).getRGB(width / 2, height / 2);
            int red = (rgb >> 16) & 0xFF;
            int blue = rgb & 0xFF;
            assertThat(i % 2 == 0 ? red - blue : blue - red)
                    .as("frame %d keeps its own colour", i)
                    .isGreaterThan(120);
        }
        short[] sound = Mp4Reader.audio(MediaFile.inFile(writeTemp(mp4), "video/mp4", width, height, null));
        assertThat(sound.length).isGreaterThanOrEqualTo(count * perFrame - perFrame);
        for (int i = 1; i < count - 1; i++) {
            double rms = rms(sound, i * perFrame + perFrame / 4, perFrame / 2);
            if (i % 2 == 1) {
                assertThat(rms).as("block %d is the tone", i).isGreaterThan(6000);
            } else {
                assertThat(rms).as("block %d is silence", i).isLessThan(1500);
            }
        }
    }

    /**
     * A failure inside FFmpeg happens on the encoder thread, after the call that caused it returned: the caller learns
     * it at its next call (never a short video written as if nothing happened), and the writer leaves no file and no
     * thread behind. Sound handed to a writer made without an audio stream is such a failure.
     */
    @Test
    void aFailureOnTheEncoderThreadIsRaisedAtTheNextCallAndLeavesNothingBehind(@TempDir Path temp)
            throws InterruptedException {
        BufferedImage frame = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        short[] sound = new short[Mp4Writer.SAMPLE_RATE / 10];
        List<Thread> others = encoderThreads();
        Mp4Writer writer = new Mp4Writer(new TempFiles(temp), 32, 32, 10, false);
        List<Thread> ours;
        try (writer) {
            writer.frame(frame);
            ours = encoderThreads();
            ours.removeAll(others);
            assertThat(ours)
                    .as("the writer's encoder thread, started by its first frame")
                    .hasSize(1);
            writer.audio(sound, 0, sound.length);
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10; i++) {
                            writer.frame(frame);
                        }
                        writer.finishFile();
                    })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("encoding audio failed");
            assertThatThrownBy(writer::finishFile)
                    .as("the failure stays")
                    .hasMessageStartingWith("encoding audio failed");
        }
        assertThat(temp).isEmptyDirectory();
        // awaitTermination (in close) returns once the pool's worker has left its loop, an instant before its thread
        // has died: wait for that death (the bound only keeps a broken writer from hanging the build)
        Thread encoder = ours.get(0);
        encoder.join(Duration.ofMinutes(1).toMillis());
        assertThat(encoder.isAlive()).as("the encoder thread ended").isFalse();
    }

    /** The live encoder threads of all writers. */
    private static List<Thread> encoderThreads() {
        return new ArrayList<>(Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("mp4-encoder"))
                .toList());
    }

    private static java.nio.file.Path writeTemp(byte[] mp4) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("mp4-writer-test", ".mp4");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.write(file, mp4);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double rms(short[] samples, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / count);
    }

    private static byte[] write(List<BufferedImage> frames, int width, int height) {
        try (Mp4Writer writer = new Mp4Writer(width, height, 10, false)) {
            frames.forEach(writer::frame);
            return writer.finish();
        }
    }

    private static List<BufferedImage> decoded(byte[] mp4) {
        List<BufferedImage> frames = new ArrayList<>();
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            for (BufferedImage frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(Images.copy(frame, BufferedImage.TYPE_3BYTE_BGR));
            }
        }
        return frames;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
