package dev.campaignstudio.core.asset;

/** Image formats accepted as product photos. */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** IANA media type. */
    public String mediaType() {
        return mediaType;
    }

    /** Usual file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
