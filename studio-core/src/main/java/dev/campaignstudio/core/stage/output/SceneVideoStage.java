package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.ClipLoop;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code scene_video} (fast video): one scene's image brought to life with its camera move, as long as its planned time
 * plus the crossfade into the next scene (the last scene has none), so that every crossfade starts on a beat. Each clip
 * is made inside the {@link ClipLoop}: frames sampled from it are scored against the neutral cut-out.
 */
public final class SceneVideoStage implements StageHandler {

    /** Role of a scene clip. */
    public static final String ROLE = "scene_clip";

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final ClipLoop fidelity;

    public SceneVideoStage(Capabilities capabilities, RenderSettings render, ClipLoop fidelity) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        int order = context.sceneOrder();
        ScenePlan plan = ScenePlan.of(context, order);
        SceneImageOutputs image = SceneImageOutputs.ofVideo(context, order);
        SceneImage scene = new SceneImage(
                media(context, image.first().image()),
                media(context, image.background()),
                image.first().productBox());
        boolean last = order == StoryboardOutputs.of(context).scenes().size();
        long duration = plan.durationMs() + (last ? 0 : FastCut.TRANSITION_MS);
        VideoGeneration video = capabilities.port(Capability.VIDEO, VideoGeneration.class);
        Frame frame = Frame.of(context.settings().orElseThrow().aspect(), render.videoLongSide());
        Identity identity = Identity.of(context);
        byte[] product = identity.neutralImage();
        byte[] sheet = identity.characterSheet();
        ClipLoop.Outcome outcome = fidelity.make(
                context,
                new ClipLoop.Subject("scene " + order, plan.presentation(), product, ROLE, Seeds.of(context)),
                attempt -> video.animate(new VideoRequest(
                        scene,
                        product,
                        frame.width(),
                        frame.height(),
                        duration,
                        render.fps(),
                        attempt.steady() ? CameraMove.STATIC : plan.move(),
                        attempt.seed(),
                        sheet,
                        plan.shot())));
        if (outcome instanceof ClipLoop.Drifted drifted) {
            return drifted.rejection();
        }
        ClipLoop.Accepted accepted = (ClipLoop.Accepted) outcome;
        CameraMove move = accepted.attempt().steady() ? CameraMove.STATIC : plan.move();
        return new StepResult.Succeeded(
                Map.of(
                        ClipOutputs.CLIP,
                        accepted.clipId(),
                        ClipOutputs.DURATION_MS,
                        duration,
                        ClipOutputs.MOVE,
                        move.wire(),
                        FidelityLoop.OUTPUT,
                        List.of(accepted.summary())),
                capabilities.adapter(Capability.VIDEO));
    }

    /**
     * A file an earlier step made: a video streamed into a local file (see {@link StepContext#media}), which the caller
     * deletes with {@link TempFiles#delete}; anything else in memory.
     */
    static MediaFile media(StepContext context, String assetId) throws IOException {
        if (context.asset(assetId).isEmpty()) {
            throw new IOException("asset " + assetId + " is missing");
        }
        return context.media(assetId);
    }
}
