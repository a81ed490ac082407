package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Small clips made to measure, and what a written MP4 decodes to, for stitching tests. */
final class ClipFixture {

    private ClipFixture() {}

    /** {@code still} held for {@code ms}, with {@code sound} (mono at {@link Mp4Writer#SAMPLE_RATE}) or no audio track. */
    static MediaFile still(BufferedImage still, long ms, int fps, short[] sound) {
        int frames = (int) Math.round(ms * fps / 1000.0);
        int perFrame = Mp4Writer.SAMPLE_RATE / fps;
        try (Mp4Writer writer = new Mp4Writer(still.getWidth(), still.getHeight(), fps, sound != null)) {
            for (int i = 0; i < frames; i++) {
                writer.frame(still);
                if (sound != null) {
                    short[] chunk = new short[perFrame];
                    System.arraycopy(
                            sound,
                            Math.min(sound.length, i * perFrame),
                            chunk,
                            0,
                            Math.max(0, Math.min(perFrame, sound.length - i * perFrame)));
                    writer.audio(chunk, 0, perFrame);
                }
            }
            byte[] mp4 = writer.finish();
            return new MediaFile(mp4, "video/mp4", still.getWidth(), still.getHeight(), writer.durationMs());
        }
    }

    /** A plain frame of one colour. */
    static BufferedImage plain(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** White with black bars 3 pixels wide: vertical at a fifth and four fifths across, horizontal at mid-height. */
    static BufferedImage markers(int width, int height) {
        BufferedImage image = plain(width, height, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(width / 5 - 1, 0, 3, height);
        g.fillRect(width * 4 / 5 - 1, 0, 3, height);
        g.fillRect(0, height / 2 - 1, width, 3);
        g.dispose();
        return image;
    }

    /** A sine at {@code hz}, {@code amplitude} of full scale, lasting {@code ms}. */
    static short[] tone(double hz, double amplitude, long ms) {
        short[] out = new short[(int) (ms * Mp4Writer.SAMPLE_RATE / 1000)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(Math.sin(2 * Math.PI * hz * i / Mp4Writer.SAMPLE_RATE) * amplitude * 32767);
        }
        return out;
    }

    /** Every frame of an MP4, decoded. */
    static List<BufferedImage> frames(byte[] mp4) {
        List<BufferedImage> frames = new ArrayList<>();
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            for (BufferedImage frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(Images.copy(frame, BufferedImage.TYPE_INT_RGB));
            }
        }
        return frames;
    }

    /** RMS (of 16-bit samples) of {@code samples} from {@code fromMs} to {@code toMs}. */
    static double rms(short[] samples, long fromMs, long toMs) {
        int from = (int) (fromMs * Mp4Writer.SAMPLE_RATE / 1000);
        int to = (int) Math.min(samples.length, toMs * Mp4Writer.SAMPLE_RATE / 1000);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return to <= from ? 0 : Math.sqrt(sum / (to - from));
    }
}
