package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scene_image} (image bundle, fast video): one scene's image with the neutral cut-out placed in it, as its plan
 * says (headline, style, presentation). For a bundle, one image per requested aspect at the still size, with the
 * headline set on it; for a video, one at the video's frame size without text (the stitch captions it), with the same
 * scene without the product and the product's box, for the camera move. Every image is made inside the
 * {@link FidelityLoop}.
 */
public final class SceneImageStage implements StageHandler {

    /** Role of a scene image. */
    public static final String ROLE = "scene_image";
    /** Role of the same scene without the product. */
    public static final String BACKGROUND = "scene_background";

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final FidelityLoop fidelity;

    public SceneImageStage(Capabilities capabilities, RenderSettings render, FidelityLoop fidelity) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        ScenePlan plan = ScenePlan.of(context, context.sceneOrder());
        boolean video = context.outputsOf(Stages.STORYBOARD).isPresent();
        Identity identity = Identity.of(context);
        byte[] product = identity.neutralImage();
        byte[] sheet = identity.characterSheet();
        List<Aspect> aspects = video ? List.of(settings.aspect()) : settings.aspects();
        List<Object> made = new ArrayList<>();
        List<Object> checks = new ArrayList<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Aspect aspect : aspects) {
            context.cancellation().throwIfCancelled();
            int longSide = video ? render.videoLongSide() : render.imageLongSide();
            // a video shows the scene's text as a caption over the moving picture, so its image carries none
            String headline = video ? null : plan.headline();
            ImageRequest request = new ImageRequest(
                    product,
                    identity.palette(),
                    headline,
                    context.inputs().prompt(),
                    aspect,
                    longSide,
                    plan.style(),
                    plan.presentation(),
                    Seeds.of(context),
                    settings.creativeVariation(),
                    null,
                    sheet,
                    plan.shot());
            FidelityLoop.Outcome outcome = fidelity.make(
                    context, new FidelityLoop.Subject(aspect.wire(), request, ROLE, video ? BACKGROUND : null));
            if (outcome instanceof FidelityLoop.Drifted drifted) {
                return drifted.rejection();
            }
            FidelityLoop.Accepted accepted = (FidelityLoop.Accepted) outcome;
            SceneImage scene = accepted.scene();
            Map<String, Object> image = new LinkedHashMap<>();
            image.put(SceneImageOutputs.Image.ASPECT, aspect.wire());
            image.put(SceneImageOutputs.Image.IMAGE, accepted.imageId());
            image.put(SceneImageOutputs.Image.WIDTH, scene.image().width());
            image.put(SceneImageOutputs.Image.HEIGHT, scene.image().height());
            image.put(SceneImageOutputs.Image.PRODUCT_BOX, SceneImageOutputs.box(scene.productBox()));
            image.put(SceneImageOutputs.Image.FIDELITY_SCORE, accepted.summary().get("score"));
            made.add(image);
            checks.add(accepted.summary());
            if (video) {
                outputs.put(SceneImageOutputs.BACKGROUND, accepted.backgroundId());
            }
        }
        outputs.put(SceneImageOutputs.IMAGES, made);
        outputs.put(FidelityLoop.OUTPUT, checks);
        outputs.put(SceneImageOutputs.HEADLINE, plan.headline());
        outputs.put(SceneImageOutputs.STYLE, plan.style().wire());
        outputs.put(SceneImageOutputs.PRESENTATION, plan.presentation().wire());
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.IMAGE));
    }
}
