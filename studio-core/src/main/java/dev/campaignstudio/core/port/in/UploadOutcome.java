package dev.campaignstudio.core.port.in;

import dev.campaignstudio.core.asset.Asset;

/** What became of an upload. */
public sealed interface UploadOutcome {

    /**
     * The image is stored.
     *
     * @param asset   the asset record
     * @param created {@code false} when identical bytes were stored before and that asset is returned
     */
    record Stored(Asset asset, boolean created) implements UploadOutcome {}

    /**
     * The upload was refused and nothing was stored.
     *
     * @param reason  why
     * @param message a sentence for the client
     */
    record Refused(Reason reason, String message) implements UploadOutcome {}

    /** Reasons an upload is refused. */
    enum Reason {
        /** Nothing was sent. */
        EMPTY,
        /** Not a PNG, JPEG or WebP. */
        UNSUPPORTED_TYPE,
        /** More pixels than the configured limit. */
        TOO_MANY_PIXELS,
        /** More bytes than the configured limit. */
        TOO_MANY_BYTES,
        /** The header looks right but the image does not decode. */
        UNREADABLE
    }
}
