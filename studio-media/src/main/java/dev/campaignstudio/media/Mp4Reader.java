package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Reads the frames of an MP4 in order, as BGR images, and its sound as mono samples at {@link Mp4Writer#SAMPLE_RATE}. */
final class Mp4Reader implements AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final boolean owned;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private BufferedImage image;
    private long timeUs;

    /** Reads an MP4 held in memory (the short clips of tests), through a temporary file it deletes when closed. */
    Mp4Reader(byte[] mp4) {
        this(written(mp4), true);
    }

    /** Reads an MP4 in a local file, which is left as it is. */
    Mp4Reader(Path mp4) {
        this(mp4, false);
    }

    /** Reads a video from its local file when it has one, else from memory. */
    static Mp4Reader of(MediaFile video) {
        return video.onDisk() ? new Mp4Reader(video.file()) : new Mp4Reader(video.data());
    }

    private Mp4Reader(Path mp4, boolean owned) {
        this.file = mp4;
        this.owned = owned;
        try {
            grabber = new FFmpegFrameGrabber(file.toFile());
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
        } catch (IOException | RuntimeException e) {
            if (owned) {
                deleteQuietly(file);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static Path written(byte[] mp4) {
        try {
            Path file = Files.createTempFile("studio-clip", ".mp4");
            Files.write(file, mp4);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame, or {@code null} at the end. The image is reused by the next call: copy it to keep it. */
    BufferedImage next() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            timeUs = frame.timestamp;
            return bgr(frame);
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("decoding a frame failed: " + e.getMessage(), e);
        }
    }

    /**
     * A decoded BGR24 frame as an image, row by row: FFmpeg pads rows to an alignment, and the grabber then reports
     * {@code stride / width} channels (4 or 5 for some widths), which Java2DFrameConverter misreads; the grabber is
     * asked for BGR24, so the rows are copied as three bytes a pixel by the frame's own stride.
     */
    private BufferedImage bgr(Frame frame) {
        if (frame.imageDepth != Frame.DEPTH_UBYTE
                || !(frame.image[0] instanceof ByteBuffer pixels)
                || frame.imageStride < frame.imageWidth * 3) {
            return converter.convert(frame);
        }
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            pixels.get(y * frame.imageStride, target, y * width * 3, width * 3);
        }
        return image;
    }

    /** When the frame {@link #next} last returned is shown, in microseconds from the start of the file. */
    long timeUs() {
        return timeUs;
    }

    /** The sound of an MP4 held in memory; see {@link #audio(Path)}. */
    static short[] audio(byte[] mp4) {
        Path file = written(mp4);
        try {
            return audio(file);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The sound of a video, read from its local file when it has one. */
    static short[] audio(MediaFile video) {
        return video.onDisk() ? audio(video.file()) : audio(video.data());
    }

    /** The sound of an MP4 file, mixed down to mono at {@link Mp4Writer#SAMPLE_RATE}; empty without an audio track. */
    static short[] audio(Path file) {
        try {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
                grabber.setSampleRate(Mp4Writer.SAMPLE_RATE);
                grabber.setAudioChannels(1);
                grabber.start();
                if (grabber.getAudioStream() < 0) {
                    return new short[0];
                }
                ShortBuffer samples = ShortBuffer.allocate(Mp4Writer.SAMPLE_RATE);
                for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
                    ShortBuffer chunk = (ShortBuffer) frame.samples[0];
                    if (samples.remaining() < chunk.remaining()) {
                        samples = ShortBuffer.allocate(
                                        Math.max(samples.capacity() * 2, samples.position() + chunk.remaining()))
                                .put(samples.flip());
                    }
                    samples.put(chunk);
                }
                short[] out = new short[samples.position()];
                samples.flip().get(out);
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of an MP4 as its container states it. */
    static long durationMs(byte[] mp4) {
        try (Mp4Reader reader = new Mp4Reader(mp4)) {
            return reader.grabber.getLengthInTime() / 1000;
        }
    }

    /** The length of a video as its container states it, read from its local file when it has one. */
    static long durationMs(MediaFile video) {
        try (Mp4Reader reader = of(video)) {
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
            if (owned) {
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file left behind
        }
    }
}
