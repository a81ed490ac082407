package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.Color;
import java.util.List;

/** Shared inputs for media tests. */
final class MediaFixtures {

    static final List<String> PALETTE = List.of("#14828c", "#f5f5f0");

    private MediaFixtures() {}

    /** The teal bottle, cut out, as PNG. */
    static byte[] product() {
        return Images.png(SceneRenderer.trimmed(SyntheticPhotos.bottleOnTexture(300, 400, new Color(20, 130, 140), 1)
                .product()));
    }

    static SceneImage scene(Aspect aspect, int longSide, Style style, Presentation presentation, long seed)
            throws Exception {
        return new SceneRenderer()
                .render(new ImageRequest(
                        product(),
                        PALETTE,
                        "Cold for 24 hours",
                        null,
                        aspect,
                        longSide,
                        style,
                        presentation,
                        seed,
                        0.4,
                        Constraints.NONE));
    }
}
