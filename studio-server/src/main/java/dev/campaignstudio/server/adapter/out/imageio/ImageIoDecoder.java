package dev.campaignstudio.server.adapter.out.imageio;

import dev.campaignstudio.core.asset.ByteSource;
import dev.campaignstudio.core.asset.ImageFormat;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.port.out.ImageDecoder;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileCacheImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Proves PNG and JPEG decode whole with the JDK's ImageIO, subsampled so that no more than {@value #CHECK_LONG_SIDE}
 * pixels are kept on the long side (a 40-megapixel photo costs a few megabytes). A JPEG whose data ends early or is
 * corrupt is refused: the JDK's reader only warns and paints the rest grey, so its warnings are listened to. A PNG's
 * chunks are walked first (each checksum, the header first, image data, the end chunk). The JDK has no WebP decoder, so
 * a WebP's RIFF chunks are walked (a file shorter than it says is truncated); the media stage that reads it reports
 * damaged pixels as {@code SOURCE_UNREADABLE}. The decoder's look-back cache is a temporary file, not the heap, so a
 * 200 MB upload is checked in a few megabytes of memory.
 */
public final class ImageIoDecoder implements ImageDecoder {

    /** The long side of the subsampled image a check decodes to. */
    static final int CHECK_LONG_SIDE = 1024;

    static final String ENDS_EARLY = "its data ends before the image is complete";
    static final String CORRUPT = "its compressed pixel data is corrupt";

    /** JPEG reader warnings about metadata the decoder ignores, not about the pixels. */
    private static final List<String> HARMLESS_WARNINGS =
            List.of("extraneous bytes", "color profile", "jfif", "thumbnail");

    private final File cacheDirectory;

    /** A decoder that caches in the system's temporary directory. */
    public ImageIoDecoder() {
        this.cacheDirectory = null;
    }

    /** @param cacheDirectory where the decoder's look-back cache files go (deleted when each check ends) */
    public ImageIoDecoder(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory.toFile();
    }

    @Override
    public Optional<String> damage(ByteSource image, ImageInfo header) throws IOException {
        Optional<String> structure = switch (header.format()) {
            case PNG -> read(image, PngChunks::damage);
            case WEBP -> read(image, RiffChunks::damage);
            case JPEG -> Optional.empty();
        };
        if (structure.isPresent() || header.format() == ImageFormat.WEBP) {
            return structure;
        }
        return read(image, in -> decode(in, header));
    }

    private static Optional<String> read(ByteSource image, Check check) throws IOException {
        try (WatchedInputStream in = new WatchedInputStream(image.open())) {
            try {
                return check.damage(in);
            } catch (CacheUnavailable e) {
                throw e.getCause(); // a local fault, not a damaged image
            } catch (IOException | RuntimeException damaged) {
                in.rethrowOwnFailure();
                return Optional.of(hasCause(damaged, EOFException.class) ? ENDS_EARLY : CORRUPT);
            }
        }
    }

    private Optional<String> decode(InputStream data, ImageInfo header) throws IOException {
        // ImageIO's readers seek back (to the image's start after its header); a memory cache would keep every byte
        // read
        ImageInputStream cached;
        try {
            cached = new FileCacheImageInputStream(data, cacheDirectory);
        } catch (IOException e) {
            throw new CacheUnavailable(e);
        }
        try (ImageInputStream input = cached) {
            Iterator<ImageReader> readers =
                    ImageIO.getImageReadersByFormatName(header.format() == ImageFormat.PNG ? "png" : "jpeg");
            if (!readers.hasNext()) {
                return Optional.of("no decoder for " + header.format().name() + " is installed");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != header.width() || height != header.height()) {
                    return Optional.of("its header says " + header.width() + "x" + header.height() + " but its data is "
                            + width + "x" + height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) CHECK_LONG_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                if (reader.canReadRaster()) {
                    reader.readRaster(0, param); // no colour conversion: a CMYK JPEG is as decodable as an RGB one
                } else {
                    reader.read(0, param);
                }
                return judge(warnings);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> judge(List<String> warnings) {
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (HARMLESS_WARNINGS.stream().noneMatch(lower::contains)) {
                return Optional.of(
                        lower.contains("premature end") || lower.contains("truncated") ? ENDS_EARLY : CORRUPT);
            }
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** One way of looking at an image's bytes. */
    @FunctionalInterface
    interface Check {
        Optional<String> damage(InputStream in) throws IOException;
    }

    /** The decoder's cache file could not be created. */
    private static final class CacheUnavailable extends RuntimeException {
        CacheUnavailable(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
