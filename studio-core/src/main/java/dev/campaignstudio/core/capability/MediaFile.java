package dev.campaignstudio.core.capability;

import java.util.Objects;

/**
 * A file an adapter made, in memory, with its media facts.
 *
 * @param data       the bytes
 * @param mediaType  IANA media type, e.g. {@code image/png}, {@code video/mp4}, {@code audio/wav}
 * @param width      pixels, or {@code null}
 * @param height     pixels, or {@code null}
 * @param durationMs length of audio or video, or {@code null}
 */
public record MediaFile(byte[] data, String mediaType, Integer width, Integer height, Long durationMs) {

    public MediaFile {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /** An image. */
    public static MediaFile image(byte[] data, String mediaType, int width, int height) {
        return new MediaFile(data, mediaType, width, height, null);
    }
}
