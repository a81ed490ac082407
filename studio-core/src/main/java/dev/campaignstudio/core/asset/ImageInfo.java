package dev.campaignstudio.core.asset;

/**
 * What an image header says, read without decoding pixels.
 *
 * @param format the format found in the magic bytes
 * @param width  pixels across
 * @param height pixels down
 */
public record ImageInfo(ImageFormat format, int width, int height) {

    /** Total pixels, the figure a pixel limit is checked against. */
    public long pixels() {
        return (long) width * height;
    }
}
