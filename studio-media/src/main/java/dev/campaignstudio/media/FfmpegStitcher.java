package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.Framing;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Assembles clips into one video of {@link StitchRequest#durationMs()}: each clip scaled to cover the frame (and, for
 * the selfie framing, swayed and every other one punched in), sampled at the output's frame times, crossfades between
 * clips, an end card ({@link EndCard}), captions and headline overlays burned in at their times and clear of the product
 * ({@link ProductTrack}), and one audio track ({@link Soundtrack}),
 * encoded as H.264 + AAC. Clips are read frame by frame, so memory does not grow with length.
 */
final class FfmpegStitcher {

    private final TextLog log;

    FfmpegStitcher() {
        this(TextLog.NONE);
    }

    /** A stitcher that tells {@code log} of every block of text it draws. */
    FfmpegStitcher(TextLog log) {
        this.log = log;
    }

    MediaFile stitch(StitchRequest request) throws StepFault {
        StitchPlan plan = StitchPlan.of(request);
        Handheld handheld = request.framing() == Framing.SELFIE
                ? new Handheld(request.seed(), request.width(), request.height(), request.fps()) : null;
        BufferedImage cutOut = request.product() == null ? null : Images.decode(request.product().data());
        EndCard endCard = new EndCard(request, cutOut);
        ProductTrack track = cutOut == null ? ProductTrack.none(plan)
                : ProductTrack.of(request, plan, cutOut, (raw, k, c) -> placed(raw, request, handheld, k, c), endCard.productBox());
        BufferedImage canvas = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        ClipFrames[] open = new ClipFrames[request.clips().size()];
        try (Mp4Writer writer = new Mp4Writer(request.width(), request.height(), request.fps(), true)) {
            Audio audio = new Audio(Soundtrack.of(request, plan), writer, request.fps());
            for (int k = 0; k < plan.frames(); k++) {
                long ms = k * 1000L / request.fps();
                BufferedImage frame = k >= plan.endCardStart()
                        ? endCard.frame(Math.min(1, (k - plan.endCardStart() + 1) / (double) Math.max(1, request.fps() / 3)), ms, log)
                        : composed(request, plan, handheld, open, k);
                emit(frame, canvas, writer, audio, request, track);
            }
            audio.flush();
            byte[] mp4 = writer.finish();
            return new MediaFile(mp4, "video/mp4", request.width(), request.height(), writer.durationMs());
        } finally {
            for (ClipFrames clip : open) {
                if (clip != null) {
                    clip.close();
                }
            }
        }
    }

    /** Output frame {@code k}: the clips on screen then, each later one blended over the earlier by its opacity. */
    private static BufferedImage composed(StitchRequest request, StitchPlan plan, Handheld handheld, ClipFrames[] open, int k) {
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
                open[c] = new ClipFrames(request.clips().get(c).data());
            }
            BufferedImage placed = placed(open[c].at((k - span.start()) * 1_000_000L / request.fps()), request, handheld, k, c);
            frame = frame == null ? placed : blend(frame, placed, span.opacity(k));
        }
        return frame != null ? frame : new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
    }

    private void emit(BufferedImage frame, BufferedImage canvas, Mp4Writer writer, Audio audio, StitchRequest request,
            ProductTrack track) {
        Graphics2D g = Images.quality(canvas.createGraphics());
        g.drawImage(frame, 0, 0, null);
        long ms = writer.frames() * 1000L / request.fps();
        Captions.draw(g, request.captions(), request.captionStyle(), ms, request.width(), request.height(),
                t -> track.during(t.startMs(), t.endMs()), log);
        Headlines.draw(g, request.overlays(), ms, request.width(), request.height(), t -> track.during(t.startMs(), t.endMs()),
                log);
        g.dispose();
        writer.frame(canvas);
        audio.afterFrame();
    }

    /** A clip frame on the output: covering it, and for the selfie framing moved by the hand at {@code k}. */
    static BufferedImage placed(BufferedImage raw, StitchRequest request, Handheld handheld, int k, int clipIndex) {
        BufferedImage covered = covered(raw, request.width(), request.height());
        return handheld == null ? covered : Warp.affine(covered, handheld.at(k, clipIndex), request.width(), request.height());
    }

    private static BufferedImage covered(BufferedImage frame, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = Images.quality(out.createGraphics());
        double scale = Math.max(width / (double) frame.getWidth(), height / (double) frame.getHeight());
        int w = (int) Math.round(frame.getWidth() * scale);
        int h = (int) Math.round(frame.getHeight() * scale);
        g.drawImage(frame, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return out;
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
        private final long firstUs;
        private long nextUs;

        ClipFrames(byte[] mp4) {
            reader = new Mp4Reader(mp4);
            BufferedImage first = reader.next();
            firstUs = reader.timeUs();
            current = first != null ? Images.copy(first, BufferedImage.TYPE_3BYTE_BGR)
                    : new BufferedImage(Math.max(1, reader.width()), Math.max(1, reader.height()), BufferedImage.TYPE_3BYTE_BGR);
            read();
        }

        /** The frame on screen {@code timeUs} after the clip's start. The image is kept: do not change it. */
        BufferedImage at(long timeUs) {
            while (next != null && nextUs <= timeUs + TOLERANCE_US) {
                current = next;
                read();
            }
            return current;
        }

        private void read() {
            BufferedImage raw = reader.next();
            next = raw == null ? null : Images.copy(raw, BufferedImage.TYPE_3BYTE_BGR);
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
