package dev.campaignstudio.media;

import java.awt.Rectangle;
import java.util.List;

/**
 * Where a block of text goes so that it stays clear of the product: the nearest place to where the style puts it, up
 * or down the frame, whose box (plus a margin) meets none of the product's boxes. See docs/modes.md (layout).
 */
final class ClearSpace {

    /** Room kept between text and the product, as a share of the frame's height. */
    static final double MARGIN = 0.015;
    /** Room kept to the frame's top and bottom edges, as a share of its height. */
    static final double EDGE = 0.03;

    private ClearSpace() {}

    /**
     * The top of a horizontally centred block of {@code blockWidth} x {@code blockHeight} pixels nearest to
     * {@code preferredTop} that is clear of every box in {@code avoid}, inside the frame; or -1 when there is none.
     */
    static int top(int preferredTop, int blockWidth, int blockHeight, int width, int height, List<Rectangle> avoid) {
        int lowest = (int) Math.round(height * EDGE);
        int highest = height - blockHeight - lowest;
        if (highest < lowest) {
            return -1;
        }
        int start = Math.max(lowest, Math.min(highest, preferredTop));
        int step = Math.max(1, height / 240);
        for (int d = 0; start - d >= lowest || start + d <= highest; d += step) {
            for (int top : new int[] {start + d, start - d}) {
                if (top >= lowest
                        && top <= highest
                        && clear(block(top, blockWidth, blockHeight, width), height, avoid)) {
                    return top;
                }
            }
        }
        return -1;
    }

    /** The box of a horizontally centred block with its top at {@code top}. */
    static Rectangle block(int top, int blockWidth, int blockHeight, int width) {
        return new Rectangle((width - blockWidth) / 2, top, blockWidth, blockHeight);
    }

    private static boolean clear(Rectangle block, int height, List<Rectangle> avoid) {
        int margin = (int) Math.ceil(height * MARGIN);
        Rectangle grown =
                new Rectangle(block.x - margin, block.y - margin, block.width + 2 * margin, block.height + 2 * margin);
        return avoid.stream().noneMatch(grown::intersects);
    }
}
