package dev.campaignstudio.media;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TimedText;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What the ffmpeg command line needs to run the same stitch as {@link FfmpegStitcher} (the media benchmark's second
 * yardstick, docs/media.md): where each clip starts and how long its crossfade is, the music bed as a WAV, and each
 * caption drawn once as a transparent image with its place and time, for ffmpeg to overlay.
 */
public final class StitchYardstick {

    /**
     * Clip {@code index} on the output's timeline.
     *
     * @param startSeconds when it starts
     * @param seconds      how long it is on screen
     * @param fadeSeconds  how long it crossfades from the clip before (0 for the first)
     */
    public record ClipPlace(double startSeconds, double seconds, double fadeSeconds) {}

    /**
     * One caption as the stitcher draws it, cropped to its ink.
     *
     * @param png     the caption on transparency
     * @param x       its left edge on the frame
     * @param y       its top edge on the frame
     * @param startMs when it appears
     * @param endMs   when it goes
     */
    public record CaptionImage(byte[] png, int x, int y, long startMs, long endMs) {}

    private StitchYardstick() {}

    /** Where the stitcher places each clip of {@code request}. */
    public static List<ClipPlace> clips(StitchRequest request) {
        StitchPlan plan = StitchPlan.of(request);
        double fps = request.fps();
        return plan.clips().stream()
                .map(s -> new ClipPlace(s.start() / fps, s.length() / fps, s.overlapIn() / fps))
                .toList();
    }

    /** Frames the stitcher writes for {@code request}. */
    public static int frames(StitchRequest request) {
        return StitchPlan.of(request).frames();
    }

    /** The generated music bed under the stitched video, as a 16-bit mono WAV at the stitcher's sample rate. */
    public static byte[] musicBed(StitchRequest request) {
        StitchPlan plan = StitchPlan.of(request);
        int samples = (int) (plan.totalMs() * Mp4Writer.SAMPLE_RATE / 1000) + Mp4Writer.SAMPLE_RATE;
        double[] music = AudioMix.musicBed(samples, request.seed(), request.musicBpm());
        short[] pcm = new short[music.length];
        for (int i = 0; i < music.length; i++) {
            pcm[i] = (short) Math.round(Math.max(-1, Math.min(1, music[i])) * 32767);
        }
        return Wav.write(new Wav.Pcm(pcm, Mp4Writer.SAMPLE_RATE));
    }

    /**
     * Each caption of {@code request} drawn as the stitcher draws it at its start (SUBTITLE style, which does not change
     * while a caption shows), cropped to its drawn pixels; captions that draw nothing are left out.
     */
    public static List<CaptionImage> captions(StitchRequest request) {
        List<CaptionImage> images = new ArrayList<>();
        for (TimedText caption : request.captions()) {
            BufferedImage full = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = Images.quality(full.createGraphics());
            Captions.draw(
                    g,
                    List.of(caption),
                    request.captionStyle(),
                    caption.startMs(),
                    request.width(),
                    request.height(),
                    text -> List.of(),
                    TextLog.NONE);
            g.dispose();
            int[] box = ink(full);
            if (box != null) {
                BufferedImage cropped = full.getSubimage(box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1);
                images.add(new CaptionImage(png(cropped), box[0], box[1], caption.startMs(), caption.endMs()));
            }
        }
        return images;
    }

    /** The bounding box (x0, y0, x1, y1) of the pixels that are not fully transparent, or null. */
    private static int[] ink(BufferedImage image) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
