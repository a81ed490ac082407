package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.engine.StepFault;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Assembles clips into one video: each clip scaled to cover the frame, crossfades between clips, an end card, captions
 * burned in at their times, and one audio track (the voice-over over a generated, ducked music bed, levelled and
 * limited), encoded as H.264 + AAC. Clips are read frame by frame, so memory does not grow with length.
 */
final class FfmpegStitcher {

    MediaFile stitch(StitchRequest request) throws StepFault {
        int fps = request.fps();
        int fade = (int) Math.round(request.transitionMs() * fps / 1000.0);
        int endFrames = request.endCard() == null ? 0 : (int) Math.round(request.endCardMs() * fps / 1000.0);
        Timeline timeline = new Timeline(request, fade);
        BufferedImage canvas = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        Audio audio;
        try (Mp4Writer writer = new Mp4Writer(request.width(), request.height(), fps, true)) {
            audio = new Audio(request, writer, timeline);
            Deque<BufferedImage> tail = new ArrayDeque<>();
            for (int c = 0; c < request.clips().size(); c++) {
                boolean last = c == request.clips().size() - 1;
                Deque<BufferedImage> previousTail = tail;
                tail = new ArrayDeque<>();
                Deque<BufferedImage> pending = new ArrayDeque<>();
                try (Mp4Reader reader = new Mp4Reader(request.clips().get(c).data())) {
                    int index = 0;
                    for (BufferedImage raw = reader.next(); raw != null; raw = reader.next(), index++) {
                        BufferedImage frame = covered(raw, request.width(), request.height());
                        if (!previousTail.isEmpty()) {
                            frame = blend(previousTail.removeFirst(), frame, (index + 1) / (double) (fade + 1));
                        }
                        pending.addLast(frame);
                        if (!last && pending.size() > fade) {
                            emit(pending.removeFirst(), canvas, writer, audio, timeline, request);
                        } else if (last) {
                            emit(pending.removeFirst(), canvas, writer, audio, timeline, request);
                        }
                    }
                }
                if (!last) {
                    tail = pending;
                }
            }
            for (int i = 0; i < endFrames; i++) {
                emit(endCard(request, Math.min(1, (i + 1) / (double) Math.max(1, fps / 3))), canvas, writer, audio, timeline, request);
            }
            audio.flush();
            byte[] mp4 = writer.finish();
            return new MediaFile(mp4, "video/mp4", request.width(), request.height(), writer.durationMs());
        }
    }

    private static void emit(BufferedImage frame, BufferedImage canvas, Mp4Writer writer, Audio audio, Timeline timeline, StitchRequest request) {
        Graphics2D g = Images.quality(canvas.createGraphics());
        g.drawImage(frame, 0, 0, null);
        long ms = writer.frames() * 1000L / request.fps();
        Captions.draw(g, request.captions(), ms, request.width(), request.height());
        g.dispose();
        writer.frame(canvas);
        audio.afterFrame();
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

    private static BufferedImage blend(BufferedImage from, BufferedImage to, double amount) {
        Graphics2D g = from.createGraphics();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) amount));
        g.drawImage(to, 0, 0, null);
        g.dispose();
        return from;
    }

    private static BufferedImage endCard(StitchRequest request, double fadeIn) {
        BufferedImage card = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = Images.quality(card.createGraphics());
        g.setPaint(new GradientPaint(0, 0, new Color(24, 28, 36), 0, request.height(), new Color(8, 10, 14)));
        g.fillRect(0, 0, request.width(), request.height());
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) fadeIn));
        Captions.text(g, request.endCard(), request.width(), request.height(), 0.5);
        g.dispose();
        return card;
    }

    /** How long the assembled video is, to size the audio track before the frames are read. */
    private record Timeline(long totalMs) {
        Timeline(StitchRequest request, int fade) {
            this(estimate(request, fade));
        }

        private static long estimate(StitchRequest request, int fade) {
            long clips = 0;
            for (MediaFile clip : request.clips()) {
                clips += clip.durationMs() != null ? clip.durationMs() : Mp4Reader.durationMs(clip.data());
            }
            long overlaps = Math.max(0, request.clips().size() - 1) * (long) Math.round(fade * 1000.0 / request.fps());
            return clips - overlaps + (request.endCard() == null ? 0 : request.endCardMs());
        }
    }

    /** The mixed audio track, handed to the writer one frame's worth at a time, so audio and video interleave. */
    private static final class Audio {

        private final short[] track;
        private final Mp4Writer writer;
        private final int fps;
        private int written;

        Audio(StitchRequest request, Mp4Writer writer, Timeline timeline) {
            this.writer = writer;
            this.fps = request.fps();
            long totalMs = timeline.totalMs();
            int samples = (int) (totalMs * Mp4Writer.SAMPLE_RATE / 1000) + Mp4Writer.SAMPLE_RATE;
            short[] voice = request.voiceOver() == null ? null : Wav.resample(Wav.read(request.voiceOver().data()), Mp4Writer.SAMPLE_RATE);
            double[] music = request.musicBed() ? AudioMix.musicBed(samples, request.seed()) : null;
            this.track = music == null && voice == null ? new short[samples] : AudioMix.mix(music, voice, samples);
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
