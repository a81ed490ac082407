package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.ClipLoop;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.util.List;
import java.util.Map;

/**
 * {@code segment_video} (script video): one segment's image brought to life with its camera move, as long as the
 * segment's speech plus the crossfade into the next segment (the last has none), so the assembled video is as long as
 * the speech. Each clip is made inside the {@link ClipLoop}.
 */
public final class SegmentVideoStage implements StageHandler {

    /** Role of each segment's clip. */
    public static final String ROLE = "segment_clip";
    /** Crossfade between segments. */
    static final long TRANSITION_MS = 300;

    private static final CameraMove[] MOVES = {
        CameraMove.ZOOM_IN, CameraMove.PAN_RIGHT, CameraMove.PARALLAX, CameraMove.ZOOM_OUT, CameraMove.PAN_LEFT
    };

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final ClipLoop fidelity;

    public SegmentVideoStage(Capabilities capabilities, RenderSettings render, ClipLoop fidelity) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        int order = context.sceneOrder();
        SegmentImageOutputs image = SegmentImageOutputs.of(context, order);
        SceneImage scene = new SceneImage(
                SceneVideoStage.media(context, image.image()),
                SceneVideoStage.media(context, image.background()),
                image.productBox());
        long speech = VoiceoverOutputs.of(context, order).durationMs();
        ScriptOutputs script = ScriptOutputs.of(context);
        int segments = script.segments().size();
        long planned = Math.max(100, speech + (order == segments ? 0 : TRANSITION_MS));
        CameraMove move = MOVES[(order - 1) % MOVES.length];
        Frame frame = Frame.of(context.settings().orElseThrow().aspect(), render.videoLongSide());
        Identity identity = Identity.of(context);
        byte[] product = identity.neutralImage();
        byte[] sheet = identity.characterSheet();
        Presentation presentation = image.presentation();
        VideoGeneration video = capabilities.port(Capability.VIDEO, VideoGeneration.class);
        ClipLoop.Outcome outcome = fidelity.make(
                context,
                new ClipLoop.Subject("segment " + order, presentation, product, ROLE, Seeds.of(context)),
                attempt -> video.animate(new VideoRequest(
                        scene,
                        product,
                        frame.width(),
                        frame.height(),
                        planned,
                        render.fps(),
                        attempt.steady() ? CameraMove.STATIC : move,
                        attempt.seed(),
                        sheet,
                        script.segment(order).shot())));
        if (outcome instanceof ClipLoop.Drifted drifted) {
            return drifted.rejection();
        }
        ClipLoop.Accepted accepted = (ClipLoop.Accepted) outcome;
        return new StepResult.Succeeded(
                Map.of(
                        ClipOutputs.CLIP,
                        accepted.clipId(),
                        ClipOutputs.DURATION_MS,
                        planned,
                        ClipOutputs.SPEECH_MS,
                        speech,
                        ClipOutputs.MOVE,
                        (accepted.attempt().steady() ? CameraMove.STATIC : move).wire(),
                        FidelityLoop.OUTPUT,
                        List.of(accepted.summary())),
                capabilities.adapter(Capability.VIDEO));
    }
}
