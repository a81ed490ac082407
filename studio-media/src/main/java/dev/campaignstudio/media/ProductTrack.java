package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the product is on screen while each clip of an assembly shows: located ({@link FidelityScorer#located}) in
 * the clip's first, middle and last frames as the assembly places them (covering the frame, the handheld sway and
 * punch-in), joined into one box per clip and padded for the search's precision and the sway between the samples.
 * Camera moves are steady zooms and pans, so the product stays inside the box of its first and last places. A clip in
 * which the product is not found (a presenter talking) has no box. See docs/modes.md (layout).
 */
final class ProductTrack {

    /** The least match correlation taken as the product being there. */
    static final double LEAST_CORRELATION = 0.55;
    /** Padding around a joined box, as a share of its own size and of the frame's width. */
    static final double PAD_OWN = 0.06;
    static final double PAD_FRAME = 0.015;

    private final List<Rectangle> boxes;
    private final StitchPlan plan;
    private final Rectangle endCard;

    private ProductTrack(List<Rectangle> boxes, StitchPlan plan, Rectangle endCard) {
        this.boxes = boxes;
        this.plan = plan;
        this.endCard = endCard;
    }

    /** No product to keep clear of. */
    static ProductTrack none(StitchPlan plan) {
        List<Rectangle> none = new ArrayList<>();
        plan.clips().forEach(c -> none.add(null));
        return new ProductTrack(none, plan, null);
    }

    /**
     * Locates the product in each clip.
     *
     * @param placer  places a clip's raw frame on the output as the assembly does, at output frame {@code k}
     * @param endCard the product's box on the end card, or {@code null}
     */
    static ProductTrack of(StitchRequest request, StitchPlan plan, BufferedImage cutOut, Placer placer, Rectangle endCard) {
        BufferedImage reference = SceneRenderer.trimmed(cutOut);
        List<Rectangle> boxes = new ArrayList<>();
        for (int c = 0; c < request.clips().size(); c++) {
            StitchPlan.Span span = plan.clips().get(c);
            long lengthUs = span.length() * 1_000_000L / request.fps();
            long[] samples = {0, lengthUs / 2, Math.max(0, lengthUs - 1_000_000L / request.fps())};
            Rectangle joined = null;
            try (Mp4Reader reader = Mp4Reader.of(request.clips().get(c))) {
                int next = 0;
                long firstUs = -1;
                for (BufferedImage raw = reader.next(); raw != null && next < samples.length; raw = reader.next()) {
                    firstUs = firstUs < 0 ? reader.timeUs() : firstUs;
                    long at = reader.timeUs() - firstUs;
                    while (next < samples.length && at >= samples[next]) {
                        int k = span.start() + (int) Math.min(span.length() - 1, samples[next] * request.fps() / 1_000_000L);
                        Box found = FidelityScorer.located(reference, placer.place(raw, k, c), LEAST_CORRELATION);
                        if (found != null) {
                            Rectangle box = new Rectangle(found.x(), found.y(), found.width(), found.height());
                            joined = joined == null ? box : joined.union(box);
                        }
                        next++;
                    }
                }
            }
            boxes.add(joined == null ? null : padded(joined, request.width()));
        }
        return new ProductTrack(boxes, plan, endCard);
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
