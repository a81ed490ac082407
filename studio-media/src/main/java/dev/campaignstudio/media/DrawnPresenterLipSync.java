package dev.campaignstudio.media;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.TimedText;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A drawn presenter who speaks the given speech: the mouth opens with the loudness of the audio in each frame and closes
 * between words (from the word timings); the eyes blink now and then; the head nods a little with the voice. The clip
 * carries the speech as AAC and lasts exactly as long. Given a product cut-out, the presenter holds it up beside the
 * face and shoulder, the arm raised and the hand under it: the cut-out trimmed and scaled, aspect kept, to 40 % of the
 * frame height (less when that would make it wider than 42 % of the frame), drawn over everything with its own colours,
 * still while the head nods; the presenter moves left so both fit, in a shirt that stands apart from the product.
 * Without one, the presenter stands alone in the middle, as before.
 */
final class DrawnPresenterLipSync {

    /** Where the head's top is, as a share of the frame height (before it nods). */
    static final double HEAD_TOP = 0.22;
    /** The head's width and height, as shares of {@link #unit}. */
    static final double HEAD_WIDTH = 0.42;

    static final double HEAD_HEIGHT = 0.52;

    private static final Color[] SKIN = {
        new Color(241, 194, 160), new Color(198, 134, 92), new Color(141, 85, 54), new Color(255, 219, 186)
    };
    private static final Color[] HAIR = {
        new Color(45, 30, 22), new Color(110, 70, 40), new Color(20, 20, 24), new Color(200, 160, 90)
    };

    private final TempFiles temp;

    /** @param temp where clips are encoded; each is handed on in its file */
    DrawnPresenterLipSync(TempFiles temp) {
        this.temp = temp;
    }

    /** Clips encoded into the JVM's temporary directory. */
    DrawnPresenterLipSync() {
        this(TempFiles.system());
    }

    MediaFile animate(LipSyncRequest request) throws StepFault {
        Wav.Pcm speech = Wav.read(request.speech().wav().data());
        short[] audio = Wav.resample(speech, Mp4Writer.SAMPLE_RATE);
        int fps = request.fps();
        int frames = (int) Math.max(1, Math.ceil(speech.durationMs() * fps / 1000.0));
        double[] openness = openness(audio, frames, fps, request.speech().words());
        HeldProduct held = held(request);
        Look look = held == null ? look(request) : held.dressed(look(request));
        BufferedImage frame = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        int perFrame = Mp4Writer.SAMPLE_RATE / fps;
        try (Mp4Writer writer = new Mp4Writer(temp, request.width(), request.height(), fps, true)) {
            for (int i = 0; i < frames; i++) {
                boolean blink = (i + request.seed()) % (fps * 3 + 7) < 3;
                draw(frame, look, openness[i], blink, held);
                writer.frame(frame);
                int from = i * perFrame;
                writer.audio(padded(audio, from, perFrame), 0, perFrame);
            }
            long durationMs = writer.durationMs();
            return MediaFile.inFile(writer.finishFile(), "video/mp4", request.width(), request.height(), durationMs);
        }
    }

    /** One frame of the clip {@code request} asks for, the mouth half open: what the presenter and the product look like. */
    BufferedImage still(LipSyncRequest request) throws StepFault {
        BufferedImage frame = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        HeldProduct held = held(request);
        draw(frame, held == null ? look(request) : held.dressed(look(request)), 0.5, false, held);
        return frame;
    }

    private static Look look(LipSyncRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed());
        return new Look(
                SKIN[random.nextInt(SKIN.length)],
                HAIR[random.nextInt(HAIR.length)],
                request.palette().isEmpty()
                        ? new Color(60, 90, 140)
                        : Images.color(request.palette().get(0)),
                request.palette().size() > 1 ? Images.color(request.palette().get(1)) : new Color(235, 232, 225));
    }

    private static HeldProduct held(LipSyncRequest request) throws StepFault {
        return request.productPng() == null
                ? null
                : HeldProduct.of(Images.decode(request.productPng()), request.width(), request.height());
    }

    /** Mouth opening per frame, 0 (closed) to 1, from the audio loudness, closed outside words. */
    private static double[] openness(short[] audio, int frames, int fps, List<TimedText> words) {
        double[] rms = new double[frames];
        double max = 1e-9;
        int perFrame = Mp4Writer.SAMPLE_RATE / fps;
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            int n = 0;
            for (int s = i * perFrame; s < Math.min(audio.length, (i + 1) * perFrame); s++) {
                sum += audio[s] * (double) audio[s];
                n++;
            }
            rms[i] = n == 0 ? 0 : Math.sqrt(sum / n);
            max = Math.max(max, rms[i]);
        }
        double[] open = new double[frames];
        for (int i = 0; i < frames; i++) {
            long ms = i * 1000L / fps;
            boolean speaking = words.isEmpty() || words.stream().anyMatch(w -> ms >= w.startMs() && ms <= w.endMs());
            open[i] = speaking ? Math.min(1, rms[i] / max * 1.4) : 0;
        }
        return open;
    }

    private static short[] padded(short[] audio, int from, int count) {
        short[] chunk = new short[count];
        if (from < audio.length) {
            System.arraycopy(audio, from, chunk, 0, Math.min(count, audio.length - from));
        }
        return chunk;
    }

    private static void draw(BufferedImage frame, Look look, double open, boolean blink, HeldProduct held) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        Graphics2D g = Images.quality(frame.createGraphics());
        g.setPaint(
                new GradientPaint(0, 0, look.backdrop(), 0, h, look.backdrop().darker()));
        g.fillRect(0, 0, w, h);
        double unit = unit(w, h);
        double cx = held == null ? w / 2.0 : held.presenterX();
        double nod = open * unit * 0.01;
        double headTop = h * HEAD_TOP + nod;
        double headW = unit * HEAD_WIDTH;
        double headH = unit * HEAD_HEIGHT;
        g.setColor(look.shirt());
        g.fill(new RoundRectangle2D.Double(
                cx - unit * 0.45, headTop + headH * 0.95, unit * 0.9, h, unit * 0.3, unit * 0.3));
        g.setColor(look.skin().darker());
        g.fill(new RoundRectangle2D.Double(
                cx - headW * 0.18, headTop + headH * 0.75, headW * 0.36, headH * 0.35, 10, 10));
        g.setColor(look.skin());
        g.fill(new Ellipse2D.Double(cx - headW / 2, headTop, headW, headH));
        g.setColor(look.hair());
        g.fill(new Ellipse2D.Double(cx - headW * 0.54, headTop - headH * 0.08, headW * 1.08, headH * 0.42));
        double eyeY = headTop + headH * 0.45;
        g.setColor(new Color(30, 30, 35));
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * headW * 0.18;
            double eyeH = blink ? headH * 0.01 : headH * 0.07;
            g.fill(new Ellipse2D.Double(ex - headW * 0.05, eyeY - eyeH / 2, headW * 0.1, eyeH));
        }
        double mouthW = headW * (0.28 + 0.06 * open);
        double mouthH = Math.max(headH * 0.015, headH * 0.16 * open);
        double mouthY = headTop + headH * 0.72;
        g.setColor(new Color(120, 40, 45));
        g.fill(new Ellipse2D.Double(cx - mouthW / 2, mouthY - mouthH / 2, mouthW, mouthH));
        if (open > 0.3) {
            g.setColor(new Color(245, 240, 235));
            g.fill(new RoundRectangle2D.Double(
                    cx - mouthW * 0.35, mouthY - mouthH / 2, mouthW * 0.7, mouthH * 0.25, 4, 4));
        }
        if (held != null) {
            held.draw(g, look, cx, unit, h * HEAD_TOP + headH);
        }
        g.dispose();
    }

    /** The presenter's scale: the head and body are sized from it. */
    static double unit(int w, int h) {
        return Math.min(w, h * 0.6);
    }

    /** How the presenter looks: skin, hair, shirt and the backdrop behind. */
    record Look(Color skin, Color hair, Color shirt, Color backdrop) {}
}
