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

    public RenderSettings {
        if (imageLongSide < 64 || imageLongSide > 4096 || videoLongSide < 64 || videoLongSide > 3840) {
            throw new IllegalArgumentException("long sides are 64 to 4096 pixels for images and to 3840 for video");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps is 1 to 60");
        }
    }
}
