package dev.campaignstudio.server.adapter.out.imageio;

import dev.campaignstudio.core.asset.ImageFormat;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.port.out.ImageDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG with the JDK's ImageIO, subsampled so a 40-megapixel photo costs a few megabytes. The JDK has
 * no WebP decoder, so WebP is accepted on its header alone; the media stage that reads it reports a damaged file as
 * {@code SOURCE_UNREADABLE}.
 */
public final class ImageIoDecoder implements ImageDecoder {

    @Override
    public boolean decodes(Path file, ImageInfo header) {
        if (header.format() == ImageFormat.WEBP) {
            return true;
        }
        // read from the file itself (no cache of what was read), so a large upload is never held in memory
        try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.sqrt(header.pixels() / 1_000_000.0));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param) != null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException damaged) {
            return false;
        }
    }
}
