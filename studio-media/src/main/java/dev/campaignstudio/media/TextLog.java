package dev.campaignstudio.media;

import java.awt.Rectangle;

/** Hears of every block of text a renderer draws, and where: what a layout test checks against the product. */
@FunctionalInterface
interface TextLog {

    /** Hears nothing. */
    TextLog NONE = (timeMs, box) -> {};

    /**
     * One block of text drawn.
     *
     * @param timeMs the frame's time in the video (0 for a still)
     * @param box    the pixels the text and its band or outline cover
     */
    void drawn(long timeMs, Rectangle box);
}
