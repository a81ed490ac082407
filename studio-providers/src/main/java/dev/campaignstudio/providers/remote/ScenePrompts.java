package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;

/** The words the remote image and video models are given about a scene (docs/providers.md). */
final class ScenePrompts {

    private ScenePrompts() {}

    /** What a text-reading image-to-video model is asked: the camera move, the product kept, the scene's shot. */
    static String video(VideoRequest request) {
        String line = "Product shot, camera " + request.move().wire().replace('_', ' ')
                + "; keep the product exactly as it is.";
        return request.shot() == null ? line : line + " " + shot(request.shot());
    }

    /** The line that says what the scene shows. */
    static String shot(String shot) {
        return "This scene: " + shot + ".";
    }
}
