package dev.campaignstudio.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** What an MP4 holds, read back by decoding it. */
record Probe(
        String videoCodec,
        String audioCodec,
        int width,
        int height,
        double fps,
        double durationSeconds,
        int frames,
        int audioChannels,
        List<java.awt.image.BufferedImage> sampledFrames) {

    static Probe of(byte[] mp4) throws Exception {
        Path file = Files.createTempFile("probe", ".mp4");
        try {
            Files.write(file, mp4);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                int frames = 0;
                List<java.awt.image.BufferedImage> sampled = new ArrayList<>();
                org.bytedeco.javacv.Java2DFrameConverter converter = new org.bytedeco.javacv.Java2DFrameConverter();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    if (frames % 15 == 0) {
                        sampled.add(Images.copy(converter.convert(frame), java.awt.image.BufferedImage.TYPE_INT_RGB));
                    }
                    frames++;
                }
                return new Probe(
                        grabber.getVideoCodecName(),
                        grabber.getAudioChannels() > 0 ? grabber.getAudioCodecName() : null,
                        grabber.getImageWidth(),
                        grabber.getImageHeight(),
                        grabber.getFrameRate(),
                        grabber.getLengthInTime() / 1e6,
                        frames,
                        grabber.getAudioChannels(),
                        sampled);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Mean absolute difference of two frames' RGB values (0-255). */
    static double difference(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 4) {
            for (int x = 0; x < a.getWidth(); x += 4) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF))
                        + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
                n += 3;
            }
        }
        return (double) sum / n;
    }
}
