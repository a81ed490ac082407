package dev.campaignstudio.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Reads the frames of an MP4 in order, as BGR images. */
final class Mp4Reader implements AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();

    Mp4Reader(byte[] mp4) {
        try {
            file = Files.createTempFile("studio-clip", ".mp4");
            Files.write(file, mp4);
            grabber = new FFmpegFrameGrabber(file.toFile());
            grabber.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, or {@code null} at the end. The image is reused by the next call: copy it to keep it. */
    BufferedImage next() {
        try {
            Frame frame = grabber.grabImage();
            return frame == null ? null : converter.convert(frame);
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("decoding a frame failed: " + e.getMessage(), e);
        }
    }

    /** The length of an MP4 as its container states it. */
    static long durationMs(byte[] mp4) {
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            return reader.grabber.getLengthInTime() / 1000;
        }
    }

    int width() {
        return grabber.getImageWidth();
    }

    int height() {
        return grabber.getImageHeight();
    }

    @Override
    public void close() {
        try {
            grabber.stop();
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // closing anyway
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind
            }
        }
    }
}
