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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>The encoder runs on a thread of its own, one frame behind the caller: a frame is copied into one of
 * {@link #FRAMES_IN_FLIGHT} reused frames and handed over, so the caller draws the next frame while the last one is
 * encoded (the stitch decodes, composes and encodes at once, as ffmpeg does; docs/media.md "Performance"). Every call
 * into FFmpeg happens on that thread, in the order the caller made them, so the file is the same as written in line.
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
    /** Frames copied and waiting for, or inside, the encoder: the caller's lead over it. */
    static final int FRAMES_IN_FLIGHT = 2;

    private final ExecutorService encoder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mp4-encoder");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Frame> free = new ArrayBlockingQueue<>(FRAMES_IN_FLIGHT);
    private final List<Frame> bgrFrames = new ArrayList<>();
    /** The first encoding error (an Error included: a native allocation that failed), raised on the next call. */
    private volatile Throwable failure;
    /** Set when the writer is closed unfinished: frames still queued are not encoded. */
    private volatile boolean abandoned;

    private final int fps;
    private final int width;
    private final int height;
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
        this.width = width;
        this.height = height;
        for (int i = 0; i < FRAMES_IN_FLIGHT; i++) {
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            bgrFrames.add(frame);
            free.add(frame);
        }
        Path created = null;
        FFmpegFrameRecorder started = null;
        try {
            created = temp.create("studio-video", ".mp4");
            started = new FFmpegFrameRecorder(created.toFile(), width, height, audio ? 1 : 0);
            started.setFormat("mp4");
            started.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            started.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            started.setFrameRate(fps);
            started.setGopSize(fps * 2);
            started.setVideoBitrate(bitrate(width, height, fps));
            if (audio) {
                started.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                started.setSampleRate(SAMPLE_RATE);
                started.setAudioChannels(1);
                started.setAudioBitrate(128_000);
            }
            started.start();
        } catch (IOException | RuntimeException | Error e) {
            // nothing is written: the recorder, the file, the encoder thread and the frames go
            if (started != null) {
                try {
                    started.release();
                } catch (FrameRecorder.Exception | RuntimeException ignored) {
                    // already failing
                }
            }
            if (created != null) {
                TempFiles.delete(created);
            }
            shutDown();
            if (e instanceof FrameRecorder.Exception) {
                throw new IllegalStateException("the H.264 encoder could not start: " + e.getMessage(), e);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e;
        }
        this.file = created;
        this.recorder = started;
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
        raiseFailure();
        if (packedBgr(bgr)) {
            Frame copy = bgrCopy(bgr, takeFree());
            encoder.execute(() -> {
                try {
                    encode(() -> recorder.record(copy, avutil.AV_PIX_FMT_BGR24), "encoding a frame");
                } finally {
                    free.add(copy);
                }
            });
        } else {
            // the converter's frame is its own and reused: encoded before the caller may change the image
            awaitEncoder(
                    encoder.submit(() -> encode(() -> recorder.record(converter.convert(bgr)), "encoding a frame")));
            raiseFailure();
        }
        frames++;
    }

    /** An FFmpeg call on the encoder thread; the first failure is kept for the caller, later calls are skipped. */
    private void encode(RecorderCall call, String what) {
        if (failure != null || abandoned) {
            return;
        }
        try {
            call.run();
        } catch (FrameRecorder.Exception e) {
            failure = new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @FunctionalInterface
    private interface RecorderCall {
        void run() throws FrameRecorder.Exception;
    }

    private void raiseFailure() {
        Throwable failed = failure;
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw (RuntimeException) failed;
        }
    }

    /** A reused frame the encoder is done with; the encoder frees one within a frame's encode. */
    private Frame takeFree() {
        return uninterruptibly(free::take);
    }

    /** Waits for a task on the encoder thread, and for everything handed over before it. */
    private static void awaitEncoder(Future<?> task) {
        uninterruptibly(task::get);
    }

    @FunctionalInterface
    private interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    /**
     * Waits until {@code wait} answers, through interrupts (the encoder ends each wait within a frame), and then
     * interrupts the thread again if it was interrupted meanwhile.
     */
    private static <T> T uninterruptibly(Wait<T> wait) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the encoder thread failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the image is whole-frame BGR bytes, row after row, with nothing between: what bgrCopy reads. */
    private boolean packedBgr(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getWidth() == width
                && image.getHeight() == height
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
    private static Frame bgrCopy(BufferedImage bgr, Frame into) {
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        ByteBuffer target = (ByteBuffer) into.image[0];
        int row = into.imageWidth * 3;
        for (int y = 0; y < into.imageHeight; y++) {
            target.put(y * into.imageStride, pixels, y * row, row);
        }
        return into;
    }

    /** Appends mono samples at {@link #SAMPLE_RATE}. */
    void audio(short[] samples, int from, int count) {
        if (count <= 0) {
            return;
        }
        raiseFailure();
        // the caller may reuse its array once this returns
        short[] copy = Arrays.copyOfRange(samples, from, from + count);
        encoder.execute(
                () -> encode(() -> recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(copy)), "encoding audio"));
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
        awaitEncoder(encoder.submit(() -> encode(
                () -> {
                    recorder.stop();
                    recorder.release();
                },
                "finishing the MP4")));
        if (failure != null) {
            close();
            raiseFailure();
        }
        finished = true;
        shutDown();
        return file;
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
        abandoned = true;
        try {
            awaitEncoder(encoder.submit(() -> {
                try {
                    recorder.release();
                } catch (FrameRecorder.Exception ignored) {
                    // already failing
                }
            }));
        } finally {
            shutDown();
            TempFiles.delete(file);
        }
    }

    /** Ends the encoder thread (after what was handed to it) and frees the reused frames. */
    private void shutDown() {
        encoder.shutdown();
        while (!uninterruptibly(() -> encoder.awaitTermination(1, TimeUnit.MINUTES))) {
            // the last frames are still encoding
        }
        if (!closed) {
            closed = true;
            bgrFrames.forEach(Frame::close);
        }
    }
}
