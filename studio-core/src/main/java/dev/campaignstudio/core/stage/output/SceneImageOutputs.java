package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code scene_image} step recorded, as the stages after it read it: a bundle's images in every aspect, or a
 * video's one image with the same scene without the product.
 *
 * @param images     the scene's images, one per aspect, the job's {@code aspect} first
 * @param background asset id of the scene without the product (videos), or {@code null}
 * @param headline   text set on the images, or {@code null}
 * @param style      wire spelling of the scene's style
 */
record SceneImageOutputs(List<Image> images, String background, String headline, String style) {

    /** Key of the images: objects of the keys of {@link Image}. */
    static final String IMAGES = "images";
    /** Key of the scene without the product's asset id (videos). */
    static final String BACKGROUND = "background";
    /** Key of the headline. */
    static final String HEADLINE = "headline";
    /** Key of the style. */
    static final String STYLE = "style";
    /** Key of the presentation. */
    static final String PRESENTATION = "presentation";

    SceneImageOutputs {
        images = List.copyOf(images);
    }

    /** Reads a {@code scene_image} step's outputs. */
    static SceneImageOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.SCENE_IMAGE, outputs), false);
    }

    /** Reads a finished {@code scene_image} step's outputs. */
    static SceneImageOutputs of(StepRecord step) {
        return read(StageOutputs.of(step), false);
    }

    /**
     * Reads the outputs of scene {@code scene} of the job's {@code scene_image} stage, made for a video: with its
     * background.
     */
    static SceneImageOutputs ofVideo(StepContext context, int scene) {
        return read(StageOutputs.of(context, Stages.SCENE_IMAGE, scene), true);
    }

    private static SceneImageOutputs read(StageOutputs outputs, boolean video) {
        List<Image> images = outputs.objects(IMAGES).stream()
                .map(i -> new Image(i.text(Image.ASPECT), i.text(Image.IMAGE), box(i.object(Image.PRODUCT_BOX))))
                .toList();
        if (images.isEmpty()) {
            throw new IllegalStateException("stage " + Stages.SCENE_IMAGE + " recorded no " + IMAGES);
        }
        String background = video ? outputs.text(BACKGROUND) : outputs.textOrNull(BACKGROUND);
        return new SceneImageOutputs(images, background, outputs.textOrNull(HEADLINE), outputs.textOrNull(STYLE));
    }

    /** The first image: the job's {@code aspect}. */
    Image first() {
        return images.get(0);
    }

    /** A product box as a scene image step records it. */
    static Map<String, Object> box(Box box) {
        return Map.of(Image.X, box.x(), Image.Y, box.y(), Image.WIDTH, box.width(), Image.HEIGHT, box.height());
    }

    /** A product box a scene image step recorded. */
    static Box box(StageOutputs box) {
        return new Box(box.integer(Image.X), box.integer(Image.Y), box.integer(Image.WIDTH), box.integer(Image.HEIGHT));
    }

    /**
     * One image of the scene.
     *
     * @param aspect     wire spelling of its aspect
     * @param image      its asset id
     * @param productBox where the product is in it
     */
    record Image(String aspect, String image, Box productBox) {

        static final String ASPECT = "aspect";
        static final String IMAGE = "image";
        static final String WIDTH = "width";
        static final String HEIGHT = "height";
        static final String PRODUCT_BOX = "product_box";
        static final String FIDELITY_SCORE = "fidelity_score";
        /** Key of a product box's left edge; its width and height are under {@link #WIDTH} and {@link #HEIGHT}. */
        static final String X = "x";
        /** Key of a product box's top edge. */
        static final String Y = "y";
    }
}
