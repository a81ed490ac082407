package dev.campaignstudio.core.application;

import dev.campaignstudio.core.asset.ByteSource;
import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.port.out.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether bytes are a usable product photo, the same way for an upload and for a photo fetched from a URL: the
 * format is sniffed from the bytes, the pixel limit is checked on the header before anything is decoded, then the
 * image must decode whole (a truncated or corrupt file is refused, not patched up).
 */
public final class ImageValidator {

    private final ImageDecoder decoder;
    private final long maxPixels;

    /**
     * @param decoder   proves an image decodes whole
     * @param maxPixels largest width times height accepted
     */
    public ImageValidator(ImageDecoder decoder, long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.maxPixels = maxPixels;
    }

    /** The largest width times height accepted. */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Judges an image.
     *
     * @param image the bytes, read once for the header and once to decode
     * @return {@link Verdict.Sound} with the header's facts, or {@link Verdict.Unfit} saying why
     * @throws IOException when the bytes cannot be read
     */
    public Verdict validate(ByteSource image) throws IOException {
        Optional<ImageInfo> sniffed;
        try (InputStream in = image.open()) {
            sniffed = ImageSniffer.sniff(in);
        }
        if (sniffed.isEmpty()) {
            return new Verdict.Unfit(Flaw.NOT_AN_IMAGE, "is not a PNG, JPEG or WebP image");
        }
        ImageInfo info = sniffed.get();
        if (info.pixels() > maxPixels) {
            return new Verdict.Unfit(
                    Flaw.TOO_MANY_PIXELS,
                    "is " + info.width() + "x" + info.height() + " (" + info.pixels() + " pixels); the limit is "
                            + maxPixels + " pixels (studio.assets.max-pixels)");
        }
        Optional<String> damage = decoder.damage(image, info);
        if (damage.isPresent()) {
            return new Verdict.Unfit(
                    Flaw.DAMAGED, "is a damaged or truncated " + info.format().name() + " image: " + damage.get());
        }
        return new Verdict.Sound(info);
    }

    /** What is wrong with an image. */
    public enum Flaw {
        /** Not a PNG, JPEG or WebP, or its header cannot be read. */
        NOT_AN_IMAGE,
        /** Its header claims more pixels than the limit. */
        TOO_MANY_PIXELS,
        /** The header is fine but the image does not decode whole. */
        DAMAGED
    }

    /** The judgement on an image. */
    public sealed interface Verdict {

        /**
         * The image can be used.
         *
         * @param info format and size from its header
         */
        record Sound(ImageInfo info) implements Verdict {
            public Sound {
                Objects.requireNonNull(info, "info");
            }
        }

        /**
         * The image cannot be used.
         *
         * @param flaw   what kind of problem
         * @param reason the rest of a sentence whose subject the caller names ("is not a PNG, JPEG or WebP image")
         */
        record Unfit(Flaw flaw, String reason) implements Verdict {
            public Unfit {
                Objects.requireNonNull(flaw, "flaw");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
