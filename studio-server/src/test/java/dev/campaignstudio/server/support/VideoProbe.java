package dev.campaignstudio.server.support;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * An MP4 decoded to the end: its codecs, frame size and rate, how many frames it really has, and how loud its audio is.
 *
 * @param videoCodec   video codec name
 * @param audioCodec   audio codec name, or {@code null} without audio
 * @param width        frame width
 * @param height       frame height
 * @param fps          frame rate
 * @param frames       frames decoded
 * @param audioSeconds seconds of audio decoded
 * @param audioRms     RMS of the decoded samples (0-1)
 */
public record VideoProbe(
        String videoCodec,
        String audioCodec,
        int width,
        int height,
        double fps,
        int frames,
        double audioSeconds,
        double audioRms) {

    /** Length by the frames decoded. */
    public double seconds() {
        return frames / fps;
    }

    /** Decodes {@code mp4}. */
    public static VideoProbe of(byte[] mp4) throws Exception {
        Path file = Files.createTempFile("video-probe", ".mp4");
        try {
            Files.write(file, mp4);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
                grabber.start();
                int frames = 0;
                long samples = 0;
                double squares = 0;
                Frame frame;
                while ((frame = grabber.grab()) != null) {
                    if (frame.image != null) {
                        frames++;
                    }
                    if (frame.samples != null && frame.samples[0] instanceof ShortBuffer pcm) {
                        for (int i = pcm.position(); i < pcm.limit(); i++) {
                            double value = pcm.get(i) / 32768.0;
                            squares += value * value;
                        }
                        samples += pcm.remaining();
                    }
                }
                int channels = Math.max(1, grabber.getAudioChannels());
                int rate = Math.max(1, grabber.getSampleRate());
                return new VideoProbe(
                        grabber.getVideoCodecName(),
                        grabber.getAudioChannels() > 0 ? grabber.getAudioCodecName() : null,
                        grabber.getImageWidth(),
                        grabber.getImageHeight(),
                        grabber.getFrameRate(),
                        frames,
                        samples / (double) channels / rate,
                        samples == 0 ? 0 : Math.sqrt(squares / samples));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
