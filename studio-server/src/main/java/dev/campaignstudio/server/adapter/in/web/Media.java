package dev.campaignstudio.server.adapter.in.web;

import dev.campaignstudio.core.asset.Asset;

/**
 * A stored file as the console shows it: an image, a video player, an audio player or a download link.
 *
 * @param assetId    asset id
 * @param role       what it is in the job, e.g. {@code final_video}
 * @param sceneOrder its scene, or {@code null}
 * @param mediaType  media type
 * @param width      pixels, or {@code null}
 * @param height     pixels, or {@code null}
 * @param durationMs length of audio or video, or {@code null}
 * @param bytes      size
 */
public record Media(
        String assetId,
        String role,
        Integer sceneOrder,
        String mediaType,
        Integer width,
        Integer height,
        Long durationMs,
        long bytes) {

    static Media of(Asset asset, String role, Integer sceneOrder) {
        return new Media(
                asset.id().value(),
                role,
                sceneOrder,
                asset.mediaType(),
                asset.width(),
                asset.height(),
                asset.durationMs(),
                asset.bytes());
    }

    /** Where the console serves its bytes (with the session, answering Range requests). */
    public String url() {
        return "/console/assets/" + assetId;
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    public boolean isVideo() {
        return mediaType.startsWith("video/");
    }

    public boolean isAudio() {
        return mediaType.startsWith("audio/");
    }

    /** The role in words: {@code final video}. */
    public String label() {
        return role.replace('_', ' ');
    }

    /** Seconds with one decimal, or empty text. */
    public String seconds() {
        return durationMs == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", durationMs / 1000.0);
    }

    /** Width x height, or empty text. */
    public String size() {
        return width == null || height == null ? "" : width + "×" + height;
    }
}
