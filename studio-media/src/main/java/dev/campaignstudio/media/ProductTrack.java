package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the product is on screen while each clip of an assembly shows: located ({@link FidelityScorer#located}) in
 * the clip's first, middle and last frames as the assembly places them (covering the frame, the handheld sway and
 * punch-in), joined into one box per clip and padded for the search's precision and the sway between the samples.
 * Camera moves are steady zooms and pans, so the product stays inside the box of its first and last places. A clip in
 * which the product is not found (a presenter talking) has no box. Its first and last places found are kept apart for
 * the matched transition between clips ({@link #matchInto}). See docs/modes.md (layout, continuity).
 */
final class ProductTrack {

    /** The least match correlation taken as the product being there. */
    static final double LEAST_CORRELATION = 0.55;
    /** Padding around a joined box, as a share of its own size and of the frame's width. */
    static final double PAD_OWN = 0.06;

    static final double PAD_FRAME = 0.015;

    /** A product moving less than this share of the frame's width between two clips is not matched. */
    static final double LEAST_MATCH_SHIFT = 0.02;

    private final List<Rectangle> boxes;
    private final List<Rectangle> firsts;
    private final List<Rectangle> lasts;
    private final StitchPlan plan;
    private final Rectangle endCard;
    private final int frameWidth;

    private ProductTrack(
            List<Rectangle> boxes,
            List<Rectangle> firsts,
            List<Rectangle> lasts,
            StitchPlan plan,
            Rectangle endCard,
            int frameWidth) {
        this.boxes = boxes;
        this.firsts = firsts;
        this.lasts = lasts;
        this.plan = plan;
        this.endCard = endCard;
        this.frameWidth = frameWidth;
    }

    /** No product to keep clear of. */
    static ProductTrack none(StitchPlan plan) {
        List<Rectangle> none = new ArrayList<>();
        plan.clips().forEach(c -> none.add(null));
        return new ProductTrack(none, none, none, plan, null, 1);
    }

    /**
     * Locates the product in each clip.
     *
     * @param placer  places a clip's raw frame on the output as the assembly does, at output frame {@code k}
     * @param endCard the product's box on the end card, or {@code null}
     */
    static ProductTrack of(
            StitchRequest request, StitchPlan plan, BufferedImage cutOut, Placer placer, Rectangle endCard) {
        BufferedImage reference = SceneRenderer.trimmed(cutOut);
        List<Rectangle> boxes = new ArrayList<>();
        List<Rectangle> firsts = new ArrayList<>();
        List<Rectangle> lasts = new ArrayList<>();
        for (int c = 0; c < request.clips().size(); c++) {
            StitchPlan.Span span = plan.clips().get(c);
            long lengthUs = span.length() * 1_000_000L / request.fps();
            // the last sample half a frame before the last frame's time, so rounding of frame times cannot miss it
            long[] samples = {0, lengthUs / 2, Math.max(0, lengthUs - 1_500_000L / request.fps())};
            Rectangle joined = null;
            Rectangle first = null;
            Rectangle last = null;
            try (Mp4Reader reader = Mp4Reader.of(request.clips().get(c))) {
                int next = 0;
                long firstUs = -1;
                for (BufferedImage raw = reader.next(); raw != null && next < samples.length; raw = reader.next()) {
                    firstUs = firstUs < 0 ? reader.timeUs() : firstUs;
                    long at = reader.timeUs() - firstUs;
                    while (next < samples.length && at >= samples[next]) {
                        int k = span.start()
                                + (int) Math.min(span.length() - 1, samples[next] * request.fps() / 1_000_000L);
                        Box found = FidelityScorer.located(reference, placer.place(raw, k, c), LEAST_CORRELATION);
                        if (found != null) {
                            Rectangle box = new Rectangle(found.x(), found.y(), found.width(), found.height());
                            joined = joined == null ? box : joined.union(box);
                            first = next == 0 ? box : first;
                            last = box;
                        }
                        next++;
                    }
                }
            }
            boxes.add(joined == null ? null : padded(joined, request.width()));
            firsts.add(first);
            lasts.add(last);
        }
        return new ProductTrack(boxes, firsts, lasts, plan, endCard, request.width());
    }

    /**
     * The matched transition into clip {@code c} (docs/modes.md, "Continuity"): where its frame is to be drawn at
     * {@code progress} (0 to 1) through the crossfade, so that its product starts where the previous clip's product
     * ended and glides, eased, to its own place. {@code null} (draw as it is) for the first clip, when the product
     * was not found at either side of the cut, or when it hardly moves.
     */
    AffineTransform matchInto(int c, double progress) {
        if (c == 0 || firsts.get(c) == null || lasts.get(c - 1) == null || progress >= 1) {
            return null;
        }
        Rectangle from = lasts.get(c - 1);
        Rectangle to = firsts.get(c);
        double shift = Math.hypot(from.getCenterX() - to.getCenterX(), from.getCenterY() - to.getCenterY());
        double scale = (from.getWidth() / to.getWidth() + from.getHeight() / to.getHeight()) / 2;
        if (shift < LEAST_MATCH_SHIFT * frameWidth && Math.abs(scale - 1) < LEAST_MATCH_SHIFT) {
            return null;
        }
        double eased = progress * progress * (3 - 2 * progress);
        double cx = from.getCenterX() + (to.getCenterX() - from.getCenterX()) * eased;
        double cy = from.getCenterY() + (to.getCenterY() - from.getCenterY()) * eased;
        double s = scale + (1 - scale) * eased;
        AffineTransform transform = AffineTransform.getTranslateInstance(cx, cy);
        transform.scale(s, s);
        transform.translate(-to.getCenterX(), -to.getCenterY());
        return transform;
    }

    private static Rectangle padded(Rectangle box, int frameWidth) {
        int padX = (int) Math.ceil(box.width * PAD_OWN + frameWidth * PAD_FRAME);
        int padY = (int) Math.ceil(box.height * PAD_OWN + frameWidth * PAD_FRAME);
        return new Rectangle(box.x - padX, box.y - padY, box.width + 2 * padX, box.height + 2 * padY);
    }

    /** The product's boxes on screen at any time from {@code startMs} to {@code endMs}: every clip shown then, the end card. */
    List<Rectangle> during(long startMs, long endMs) {
        int first = (int) (startMs * plan.fps() / 1000);
        int last = (int) Math.max(first, (endMs * plan.fps() + 999) / 1000 - 1);
        List<Rectangle> during = new ArrayList<>();
        for (int c = 0; c < boxes.size(); c++) {
            StitchPlan.Span span = plan.clips().get(c);
            if (boxes.get(c) != null && span.start() <= last && span.end() > first) {
                during.add(boxes.get(c));
            }
            // a matched transition carries the product from the previous clip's last place to this clip's first
            if (c > 0
                    && firsts.get(c) != null
                    && lasts.get(c - 1) != null
                    && span.overlapIn() > 0
                    && span.start() <= last
                    && span.start() + span.overlapIn() > first) {
                during.add(padded(lasts.get(c - 1).union(firsts.get(c)), frameWidth));
            }
        }
        if (endCard != null && last >= plan.endCardStart()) {
            during.add(endCard);
        }
        return during;
    }

    /** Places a clip's frame on the output. */
    @FunctionalInterface
    interface Placer {
        BufferedImage place(BufferedImage raw, int frame, int clipIndex);
    }
}
