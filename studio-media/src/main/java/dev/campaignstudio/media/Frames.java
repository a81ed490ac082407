package dev.campaignstudio.media;

import dev.campaignstudio.core.contract.Aspect;

/** Frame sizes: even dimensions (as H.264 needs) for an aspect and a long side. */
final class Frames {

    private Frames() {}

    /** Width and height of a frame of {@code aspect} whose longer side is {@code longSide}. */
    static int[] size(Aspect aspect, int longSide) {
        int w = aspect.widthPart();
        int h = aspect.heightPart();
        int width = w >= h ? longSide : (int) Math.round((double) longSide * w / h);
        int height = h >= w ? longSide : (int) Math.round((double) longSide * h / w);
        return new int[] {even(width), even(height)};
    }

    static int even(int value) {
        return Math.max(2, value - value % 2);
    }
}
