package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepStopped;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes H.264 (OpenH264, yuv420p) MP4, with AAC audio when asked, through FFmpeg. Frames are BGR images of the
 * writer's size; audio is mono 16-bit at {@link #SAMPLE_RATE}, given in step with the frames so the muxer interleaves.
 * Before each frame it checks the running step's cancellation signal, so a cancelled or timed-out step stops
 * encoding at the next frame ({@link StepStopped}); nothing needs to interrupt the thread.
 */
final class Mp4Writer implements AutoCloseable {

    /** Audio sample rate of every MP4 written. */
    static final int SAMPLE_RATE = 44_100;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final Frame bgrFrame;
    private final int fps;
    private long frames;
    private boolean finished;
    private boolean closed;

    /** A writer into a file in the JVM's temporary directory. */
    Mp4Writer(int width, int height, int fps, boolean audio) {
        this(TempFiles.system(), width, height, fps, audio);
    }

    /** A writer into a new file in {@code temp}: the encoder writes there, nothing of the video stays in memory. */
    Mp4Writer(TempFiles temp, int width, int height, int fps, boolean audio) {
        this.fps = fps;
        this.bgrFrame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        try {
            this.file = temp.create("studio-video", ".mp4");
            recorder = new FFmpegFrameRecorder(file.toFile(), width, height, audio ? 1 : 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(fps * 2);
            recorder.setVideoBitrate(bitrate(width, height, fps));
            if (audio) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(SAMPLE_RATE);
                recorder.setAudioChannels(1);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("the H.264 encoder could not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** About 0.12 bits per pixel per frame: clean for flat graphics, small enough to move around. */
    static int bitrate(int width, int height, int fps) {
        return (int) Math.min(20_000_000, Math.max(400_000, (long) width * height * fps / 8));
    }

    /**
     * Appends one frame (scaled to nothing: it must already be the writer's size).
     *
     * @throws StepStopped when the step running on this thread has been told to stop
     */
    void frame(BufferedImage bgr) {
        CancellationSignal.current().checkpoint();
        try {
            if (packedBgr(bgr)) {
                recorder.record(bgrCopy(bgr), avutil.AV_PIX_FMT_BGR24);
            } else {
                recorder.record(converter.convert(bgr));
            }
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("encoding a frame failed: " + e.getMessage(), e);
        }
    }

    /** Whether the image is whole-frame BGR bytes, row after row, with nothing between: what bgrCopy reads. */
    private boolean packedBgr(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getWidth() == bgrFrame.imageWidth
                && image.getHeight() == bgrFrame.imageHeight
                && raster.getParent() == null
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getScanlineStride() == image.getWidth() * 3
                && model.getPixelStride() == 3
                && raster.getDataBuffer().getOffset() == 0;
    }

    /**
     * The image's BGR bytes in the reused frame, copied a row at a time in bulk: the same bytes
     * Java2DFrameConverter hands the encoder, without its per-byte loop, which cost more than the encode of a
     * 1080x1920 frame (docs/media.md "Performance").
     */
    private Frame bgrCopy(BufferedImage bgr) {
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        ByteBuffer target = (ByteBuffer) bgrFrame.image[0];
        int row = bgrFrame.imageWidth * 3;
        for (int y = 0; y < bgrFrame.imageHeight; y++) {
            target.put(y * bgrFrame.imageStride, pixels, y * row, row);
        }
        return bgrFrame;
    }

    /** Appends mono samples at {@link #SAMPLE_RATE}. */
    void audio(short[] samples, int from, int count) {
        if (count <= 0) {
            return;
        }
        try {
            recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples, from, count));
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("encoding audio failed: " + e.getMessage(), e);
        }
    }

    /** Frames written so far. */
    long frames() {
        return frames;
    }

    /** Duration of the frames written, in milliseconds. */
    long durationMs() {
        return Math.round(frames * 1000.0 / fps);
    }

    /**
     * Closes the file and hands it over: the caller deletes it (when it is handed on in a {@link MediaFile}, the stage
     * that receives it does).
     */
    Path finishFile() {
        try {
            recorder.stop();
            recorder.release();
            finished = true;
            return file;
        } catch (FrameRecorder.Exception e) {
            close();
            throw new IllegalStateException("finishing the MP4 failed: " + e.getMessage(), e);
        }
    }

    /** Closes the file and returns its bytes, deleting the file: for the short clips of tests. */
    byte[] finish() {
        Path done = finishFile();
        try {
            return Files.readAllBytes(done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFiles.delete(done);
        }
    }

    /** Stops writing; the file is deleted unless {@link #finishFile} handed it over. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            recorder.release();
        } catch (FrameRecorder.Exception ignored) {
            // already failing
        } finally {
            if (!closed) {
                closed = true;
                bgrFrame.close();
            }
            TempFiles.delete(file);
        }
    }
}
