package dev.campaignstudio.core.stage;

/**
 * How large and how smooth outputs are rendered: the service's choice, not the client's (the client picks the aspect).
 *
 * @param imageLongSide pixels of the longer side of still images
 * @param videoLongSide pixels of the longer side of video frames
 * @param fps           video frame rate
 */
public record RenderSettings(int imageLongSide, int videoLongSide, int fps) {

    /** Full size: 2048-pixel stills, 1080x1920 video at 30 frames per second. */
    public static final RenderSettings FULL = new RenderSettings(2048, 1920, 30);

    /** The shortest long side of images and video, in pixels. */
    public static final int MIN_LONG_SIDE = 64;
    /** The longest long side of still images, in pixels. */
    public static final int MAX_IMAGE_LONG_SIDE = 4096;
    /** The longest long side of video frames, in pixels. */
    public static final int MAX_VIDEO_LONG_SIDE = 3840;
    /** The highest video frame rate. */
    public static final int MAX_FPS = 60;

    public RenderSettings {
        if (imageLongSide < MIN_LONG_SIDE
                || imageLongSide > MAX_IMAGE_LONG_SIDE
                || videoLongSide < MIN_LONG_SIDE
                || videoLongSide > MAX_VIDEO_LONG_SIDE) {
            throw new IllegalArgumentException("long sides are 64 to 4096 pixels for images and to 3840 for video");
        }
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps is 1 to 60");
        }
    }
}
