package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code segment_image} (script video): one segment's visual at the video's frame size, the neutral cut-out placed
 * in it, made inside the {@link FidelityLoop}; with the same scene without the product and the product's box, for
 * the segment's camera move. With the job's {@code style} {@code auto}, each segment takes the look of the storyboard
 * seed the script gave it, else the styles rotate by segment; {@code mixed}
 * presentation alternates product-only and presenter segments, starting with the product.
 */
public final class SegmentImageStage implements StageHandler {

    /** Role of each segment's image, accepted by the fidelity loop. */
    public static final String ROLE = "segment_image";
    /** Role of each segment's image without the product (for parallax). */
    public static final String BACKGROUND = "segment_background";

    static final Style[] STYLES = {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN};

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final FidelityLoop fidelity;

    public SegmentImageStage(Capabilities capabilities, RenderSettings render, FidelityLoop fidelity) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        int index = context.sceneOrder() - 1;
        Identity identity = Identity.of(context);
        ScriptOutputs.Segment segment = ScriptOutputs.of(context).segment(index + 1);
        Style style = settings.style() != Style.AUTO
                ? settings.style()
                : segment.look().orElse(STYLES[index % STYLES.length]);
        Presentation presentation = settings.presentation() != Presentation.MIXED
                ? settings.presentation()
                : index % 2 == 0 ? Presentation.PRODUCT_ONLY : Presentation.WITH_MODEL;
        ImageRequest request = new ImageRequest(
                identity.neutralImage(),
                identity.palette(),
                null,
                context.inputs().prompt(),
                settings.aspect(),
                render.videoLongSide(),
                style,
                presentation,
                Seeds.of(context),
                settings.creativeVariation(),
                null,
                identity.characterSheet(),
                segment.shot());
        FidelityLoop.Outcome outcome = fidelity.make(
                context, new FidelityLoop.Subject("segment " + context.sceneOrder(), request, ROLE, BACKGROUND));
        if (outcome instanceof FidelityLoop.Drifted drifted) {
            return drifted.rejection();
        }
        FidelityLoop.Accepted accepted = (FidelityLoop.Accepted) outcome;
        SceneImage scene = accepted.scene();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(SegmentImageOutputs.IMAGE, accepted.imageId());
        outputs.put(SegmentImageOutputs.BACKGROUND, accepted.backgroundId());
        outputs.put(SegmentImageOutputs.WIDTH, scene.image().width());
        outputs.put(SegmentImageOutputs.HEIGHT, scene.image().height());
        outputs.put(SegmentImageOutputs.PRODUCT_BOX, SceneImageOutputs.box(scene.productBox()));
        outputs.put(SegmentImageOutputs.STYLE, style.wire());
        outputs.put(SegmentImageOutputs.PRESENTATION, presentation.wire());
        outputs.put(FidelityLoop.OUTPUT, List.of(accepted.summary()));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.IMAGE));
    }
}
