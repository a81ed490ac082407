package dev.campaignstudio.core.application;

/**
 * Limits on uploaded images.
 *
 * @param maxBytes  largest file accepted
 * @param maxPixels largest width times height accepted
 */
public record UploadLimits(long maxBytes, long maxPixels) {

    public UploadLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
