package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.Stitching.Framing;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TempFiles;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/**
 * Assembles clips into one video of {@link StitchRequest#durationMs()}: each clip scaled to cover the frame (and, for
 * the selfie framing, swayed and every other one punched in), sampled at the output's frame times, crossfades between
 * clips, an end card ({@link EndCard}), captions and headline overlays burned in at their times and clear of the product
 * ({@link ProductTrack}), and one audio track ({@link Soundtrack}),
 * encoded as H.264 + AAC. Clips are read frame by frame, so memory does not grow with length.
 */
final class FfmpegStitcher {

    private final TempFiles temp;
    private final TextLog log;

    /**
     * @param temp where the video is encoded; it is handed on in that file
     * @param log  told of every block of text drawn
     */
    FfmpegStitcher(TempFiles temp, TextLog log) {
        this.temp = temp;
        this.log = log;
    }

    /** A stitcher encoding into {@code temp}. */
    FfmpegStitcher(TempFiles temp) {
        this(temp, TextLog.NONE);
    }

    /** A stitcher that tells {@code log} of every block of text it draws, encoding into the JVM's temporary directory. */
    FfmpegStitcher(TextLog log) {
        this(TempFiles.system(), log);
    }

    /** A stitcher encoding into the JVM's temporary directory. */
    FfmpegStitcher() {
        this(TempFiles.system(), TextLog.NONE);
    }

    MediaFile stitch(StitchRequest request) throws StepFault {
        StitchPlan plan = StitchPlan.of(request);
        Handheld handheld = request.framing() == Framing.SELFIE
                ? new Handheld(request.seed(), request.width(), request.height(), request.fps())
                : null;
        BufferedImage cutOut = request.product() == null
                ? null
                : Images.decode(request.product().data());
        EndCard endCard = new EndCard(request, cutOut);
        ProductTrack track = cutOut == null
                ? ProductTrack.none(plan)
                : ProductTrack.of(
                        request,
                        plan,
                        cutOut,
                        (raw, k, c) -> placed(raw, request, handheld, k, c),
                        endCard.productBox());
        BufferedImage canvas = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage mix = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        ClipFrames[] open = new ClipFrames[request.clips().size()];
        try (Mp4Writer writer = new Mp4Writer(temp, request.width(), request.height(), request.fps(), true)) {
            Audio audio = new Audio(Soundtrack.of(request, plan), writer, request.fps());
            for (int k = 0; k < plan.frames(); k++) {
                long ms = k * 1000L / request.fps();
                BufferedImage frame = k >= plan.endCardStart()
                        ? endCard.frame(
                                Math.min(1, (k - plan.endCardStart() + 1) / (double) Math.max(1, request.fps() / 3)),
                                ms,
                                log)
                        : composed(request, plan, handheld, open, k, mix, track);
                emit(frame, canvas, writer, audio, request, track);
            }
            audio.flush();
            long durationMs = writer.durationMs();
            return MediaFile.inFile(writer.finishFile(), "video/mp4", request.width(), request.height(), durationMs);
        } finally {
            for (ClipFrames clip : open) {
                if (clip != null) {
                    clip.close();
                }
            }
        }
    }

    /**
     * Output frame {@code k}: the clips on screen then, each later one blended over the earlier by its opacity, and moved
     * so that its product takes over from where the previous clip's product was ({@link ProductTrack#matchInto}). A
     * lone clip's frame is answered as it is (not to be changed); a crossfade is blended in {@code mix}.
     */
    private static BufferedImage composed(
            StitchRequest request,
            StitchPlan plan,
            Handheld handheld,
            ClipFrames[] open,
            int k,
            BufferedImage mix,
            ProductTrack track) {
        BufferedImage frame = null;
        for (int c = 0; c < open.length; c++) {
            StitchPlan.Span span = plan.clips().get(c);
            if (k >= span.end() && open[c] != null) {
                open[c].close();
                open[c] = null;
            }
            if (!span.covers(k)) {
                continue;
            }
            if (open[c] == null) {
                open[c] = new ClipFrames(request.clips().get(c));
            }
            BufferedImage placed =
                    placed(open[c].at((k - span.start()) * 1_000_000L / request.fps()), request, handheld, k, c);
            AffineTransform match = frame == null ? null : track.matchInto(c, span.opacity(k));
            if (match != null) {
                placed = Warp.affine(placed, match, request.width(), request.height());
            }
            if (frame == null) {
                frame = placed;
            } else {
                frame = blend(frame == mix ? mix : copyInto(frame, mix), placed, span.opacity(k));
            }
        }
        return frame != null
                ? frame
                : new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
    }

    private void emit(
            BufferedImage frame,
            BufferedImage canvas,
            Mp4Writer writer,
            Audio audio,
            StitchRequest request,
            ProductTrack track) {
        copyInto(frame, canvas);
        Graphics2D g = Images.quality(canvas.createGraphics());
        long ms = writer.frames() * 1000L / request.fps();
        Captions.draw(
                g,
                request.captions(),
                request.captionStyle(),
                ms,
                request.width(),
                request.height(),
                t -> track.during(t.startMs(), t.endMs()),
                log);
        Headlines.draw(
                g,
                request.overlays(),
                ms,
                request.width(),
                request.height(),
                t -> track.during(t.startMs(), t.endMs()),
                log);
        g.dispose();
        writer.frame(canvas);
        audio.afterFrame();
    }

    /** A clip frame on the output: covering it, and for the selfie framing moved by the hand at {@code k}. */
    static BufferedImage placed(BufferedImage raw, StitchRequest request, Handheld handheld, int k, int clipIndex) {
        BufferedImage covered = covered(raw, request.width(), request.height());
        return handheld == null
                ? covered
                : Warp.affine(covered, handheld.at(k, clipIndex), request.width(), request.height());
    }

    /** {@code frame} scaled to cover the output; a BGR frame of the output's size covers it and is answered as is. */
    private static BufferedImage covered(BufferedImage frame, int width, int height) {
        if (frame.getWidth() == width
                && frame.getHeight() == height
                && frame.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return frame;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = Images.quality(out.createGraphics());
        double scale = Math.max(width / (double) frame.getWidth(), height / (double) frame.getHeight());
        int w = (int) Math.round(frame.getWidth() * scale);
        int h = (int) Math.round(frame.getHeight() * scale);
        g.drawImage(frame, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * {@code source} copied into {@code target} (made when null or of another size), as {@link Images#copy} would copy
     * it: whole rows at once when both are plain BGR bytes.
     */
    private static BufferedImage copyInto(BufferedImage source, BufferedImage target) {
        int width = source.getWidth();
        int height = source.getHeight();
        if (target == null || target.getWidth() != width || target.getHeight() != height) {
            target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] from = packedBgr(source);
        byte[] to = packedBgr(target);
        if (from != null && to != null) {
            System.arraycopy(from, 0, to, 0, to.length);
            return target;
        }
        Graphics2D g = target.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return target;
    }

    /** The pixels of a whole-raster BGR image, row after row, or null for any other layout. */
    private static byte[] packedBgr(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
                || raster.getParent() != null
                || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                || model.getScanlineStride() != image.getWidth() * 3
                || model.getPixelStride() != 3
                || !(raster.getDataBuffer() instanceof DataBufferByte bytes)
                || bytes.getOffset() != 0
                || bytes.getData().length != image.getWidth() * image.getHeight() * 3) {
            return null;
        }
        return bytes.getData();
    }

    /** Draws {@code to} over {@code from} (which it changes) at {@code amount} opacity. */
    private static BufferedImage blend(BufferedImage from, BufferedImage to, double amount) {
        Graphics2D g = from.createGraphics();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) amount));
        g.drawImage(to, 0, 0, null);
        g.dispose();
        return from;
    }

    /**
     * One clip's frames, read forward: the frame shown at a time is the last one that starts at or before it (within a
     * millisecond), so a clip at another frame rate is resampled, and a clip shorter than stated holds its last frame.
     */
    private static final class ClipFrames implements AutoCloseable {

        private static final long TOLERANCE_US = 1_000;

        private final Mp4Reader reader;
        private BufferedImage current;
        private BufferedImage next;
        /** The image the frame after {@code next} is decoded into: two images take turns, none is made per frame. */
        private BufferedImage spare;

        private final long firstUs;
        private long nextUs;

        ClipFrames(MediaFile clip) {
            reader = Mp4Reader.of(clip);
            BufferedImage first = reader.next();
            firstUs = reader.timeUs();
            current = first != null
                    ? Images.copy(first, BufferedImage.TYPE_3BYTE_BGR)
                    : new BufferedImage(
                            Math.max(1, reader.width()), Math.max(1, reader.height()), BufferedImage.TYPE_3BYTE_BGR);
            spare = new BufferedImage(current.getWidth(), current.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            read();
        }

        /**
         * The frame on screen {@code timeUs} after the clip's start. The image is this reader's: do not change it, and
         * use it before the next call.
         */
        BufferedImage at(long timeUs) {
            while (next != null && nextUs <= timeUs + TOLERANCE_US) {
                spare = current;
                current = next;
                read();
            }
            return current;
        }

        private void read() {
            BufferedImage raw = reader.next();
            if (raw == null) {
                next = null;
            } else {
                next = copyInto(raw, spare);
                spare = null;
            }
            nextUs = reader.timeUs() - firstUs;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** The mixed audio track, handed to the writer one frame's worth at a time, so audio and video interleave. */
    private static final class Audio {

        private final short[] track;
        private final Mp4Writer writer;
        private final int fps;
        private int written;

        Audio(short[] track, Mp4Writer writer, int fps) {
            this.track = track;
            this.writer = writer;
            this.fps = fps;
        }

        void afterFrame() {
            push((int) Math.min(track.length, Math.round(writer.frames() * (double) Mp4Writer.SAMPLE_RATE / fps)));
        }

        void flush() {
            push((int) Math.min(track.length, Math.round(writer.durationMs() * Mp4Writer.SAMPLE_RATE / 1000.0)));
        }

        private void push(int until) {
            if (until > written) {
                writer.audio(track, written, until - written);
                written = until;
            }
        }
    }
}
