package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.contract.Aspect;

/**
 * A frame size for an aspect: the longer side as configured, the shorter from the ratio, both even (as H.264 wants).
 *
 * @param width  pixels across
 * @param height pixels down
 */
record Frame(int width, int height) {

    static Frame of(Aspect aspect, int longSide) {
        int w = aspect.widthPart();
        int h = aspect.heightPart();
        if (w >= h) {
            return new Frame(even(longSide), even(Math.round((float) longSide * h / w)));
        }
        return new Frame(even(Math.round((float) longSide * w / h)), even(longSide));
    }

    private static int even(int pixels) {
        return Math.max(2, pixels - pixels % 2);
    }
}
