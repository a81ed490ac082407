package dev.campaignstudio.core.capability;

/**
 * A rectangle in pixels.
 *
 * @param x      left
 * @param y      top
 * @param width  width
 * @param height height
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a box has no negative size");
        }
    }

    /** Area in pixels. */
    public long area() {
        return (long) width * height;
    }

    /** Share of this box that {@code other} covers (intersection over union). */
    public double iou(Box other) {
        int left = Math.max(x, other.x);
        int top = Math.max(y, other.y);
        int right = Math.min(x + width, other.x + other.width);
        int bottom = Math.min(y + height, other.y + other.height);
        long inter = Math.max(0, right - left) * (long) Math.max(0, bottom - top);
        long union = area() + other.area() - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
