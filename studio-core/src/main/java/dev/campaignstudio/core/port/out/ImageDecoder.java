package dev.campaignstudio.core.port.out;

import dev.campaignstudio.core.asset.ByteSource;
import dev.campaignstudio.core.asset.ImageInfo;
import java.io.IOException;
import java.util.Optional;

/** Proves that an image decodes whole, beyond what its header claims. */
public interface ImageDecoder {

    /**
     * Decodes {@code image} to its end, at a reduced size (never allocating its full pixels), and checks its structure
     * (a PNG's chunk checksums and its end chunk; a JPEG that ends before its last scan; a WebP shorter than it says).
     *
     * @param image  the image bytes, whose header was read as {@code header}
     * @param header format and size from the header; the pixel limit has already been checked against it
     * @return empty when the image decodes whole; else what is wrong, as a phrase for a person ("its data ends before
     *         the image is complete")
     * @throws IOException when the bytes cannot be read (a storage fault, not a damaged image)
     */
    Optional<String> damage(ByteSource image, ImageInfo header) throws IOException;
}
