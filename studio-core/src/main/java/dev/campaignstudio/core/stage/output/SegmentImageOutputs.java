package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.Map;

/**
 * What a {@code segment_image} step (script video) recorded, as its segment's clip reads it.
 *
 * @param image        asset id of the segment's image
 * @param background   asset id of the same scene without the product
 * @param productBox   where the product is in the image
 * @param presentation product alone or with a presenter
 */
record SegmentImageOutputs(String image, String background, Box productBox, Presentation presentation) {

    static final String IMAGE = SceneImageOutputs.Image.IMAGE;
    static final String BACKGROUND = SceneImageOutputs.BACKGROUND;
    static final String WIDTH = SceneImageOutputs.Image.WIDTH;
    static final String HEIGHT = SceneImageOutputs.Image.HEIGHT;
    static final String PRODUCT_BOX = SceneImageOutputs.Image.PRODUCT_BOX;
    static final String STYLE = SceneImageOutputs.STYLE;
    static final String PRESENTATION = SceneImageOutputs.PRESENTATION;

    /** Reads a {@code segment_image} step's outputs. */
    static SegmentImageOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.SEGMENT_IMAGE, outputs));
    }

    /** Reads the outputs of segment {@code segment} of the job's {@code segment_image} stage, which has finished. */
    static SegmentImageOutputs of(StepContext context, int segment) {
        return read(StageOutputs.of(context, Stages.SEGMENT_IMAGE, segment));
    }

    private static SegmentImageOutputs read(StageOutputs outputs) {
        return new SegmentImageOutputs(
                outputs.text(IMAGE),
                outputs.text(BACKGROUND),
                SceneImageOutputs.box(outputs.object(PRODUCT_BOX)),
                outputs.wire(PRESENTATION, Presentation.class));
    }
}
