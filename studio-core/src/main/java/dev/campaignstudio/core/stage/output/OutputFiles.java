package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.contract.CanonicalJson;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.stage.SourceLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Stores what output stages make, so each file lands as an asset (and in the step's progress event). */
final class OutputFiles {

    private OutputFiles() {}

    /**
     * Stores a media file under {@code role}, images and videos with their IPTC digital source type written in,
     * streamed from its local file when it has one (a video: the local file is left for the caller to delete); returns
     * its asset id.
     */
    static String store(StepContext context, MediaFile given, String role) throws IOException {
        MediaFile file = SourceLabels.labelled(context, given);
        return context.store(file, kindOf(file.mediaType()), role).asset().id().value();
    }

    /** Stores a JSON document (a storyboard, a script, a transcript) under {@code role}; returns its asset id. */
    static String json(StepContext context, Object tree, String role) throws IOException {
        byte[] data = CanonicalJson.write(tree).getBytes(StandardCharsets.UTF_8);
        return context.store(data, AssetKind.DATA, "application/json", null, null, null, role)
                .asset()
                .id()
                .value();
    }

    private static AssetKind kindOf(String mediaType) {
        if (mediaType.startsWith("image/")) {
            return AssetKind.IMAGE;
        }
        if (mediaType.startsWith("video/")) {
            return AssetKind.VIDEO;
        }
        return mediaType.startsWith("audio/") ? AssetKind.AUDIO : AssetKind.DATA;
    }
}
