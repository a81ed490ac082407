package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.ImageInfo;
import java.nio.file.Path;

/** Proves that image bytes decode, beyond what their header claims. */
public interface ImageDecoder {

    /**
     * Decodes the image in {@code file} far enough to know it is a whole image, without reading the file whole into
     * memory.
     *
     * @param file   image bytes, in a local file, whose header was read as {@code header}
     * @param header format and size from the header; the pixel limit has already been checked
     * @return {@code true} when the image decodes
     */
    boolean decodes(Path file, ImageInfo header);
}
