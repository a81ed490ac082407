package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.ImageInfo;

/** Proves that image bytes decode, beyond what their header claims. */
public interface ImageDecoder {

    /**
     * Decodes {@code data} far enough to know it is a whole image.
     *
     * @param data   image bytes whose header was read as {@code header}
     * @param header format and size from the header; the pixel limit has already been checked
     * @return {@code true} when the image decodes
     */
    boolean decodes(byte[] data, ImageInfo header);
}
