package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stitch} (fast video): the scene clips in order with crossfades that start on the beat of a music bed at
 * {@link FastCut#BPM}, each scene's on-screen text as a caption while it shows (clear of the product), and an end card
 * with the product's cut-out, its name and a call to action.
 */
public final class StitchStage implements StageHandler {

    /** The end card's call to action, under the product and its name. */
    static final String CALL_TO_ACTION = "Shop now";

    /** Role of the finished video. */
    public static final String ROLE = "final_video";

    private final Capabilities capabilities;
    private final RenderSettings render;

    public StitchStage(Capabilities capabilities, RenderSettings render) {
        this.capabilities = capabilities;
        this.render = render;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        List<MediaFile> local = new ArrayList<>();
        try {
            return make(context, local);
        } finally {
            TempFiles.delete(local);
        }
    }

    /** Does the work; every video it reads or makes into a local file is added to {@code local}, to be deleted. */
    private StepResult make(StepContext context, List<MediaFile> local) throws Exception {
        List<MediaFile> clips = new ArrayList<>();
        List<TimedText> captions = new ArrayList<>();
        List<StepRecord> scenes = context.finished(Stages.SCENE_VIDEO);
        for (StepRecord scene : scenes) {
            ScenePlan plan = ScenePlan.of(context, scene.sceneOrder());
            MediaFile clip =
                    SceneVideoStage.media(context, ClipOutputs.of(scene).clip());
            local.add(clip);
            // laid out at its planned length (the scene's beats, plus the crossfade but for the last): a clip is whole
            // frames, up to half a frame longer, which would add up over the scenes and push the cuts off the beat
            long planned = plan.durationMs() + (scene == scenes.get(scenes.size() - 1) ? 0 : FastCut.TRANSITION_MS);
            clips.add(clip.withDurationMs(planned));
            if (plan.headline() != null) {
                captions.add(new TimedText(plan.headline(), plan.startMs(), plan.startMs() + plan.durationMs()));
            }
        }
        MediaFile first = clips.get(0);
        Stitching stitching = capabilities.port(Capability.STITCH, Stitching.class);
        StitchRequest request = new StitchRequest(
                clips,
                first.width(),
                first.height(),
                render.fps(),
                FastCut.TRANSITION_MS,
                null,
                captions,
                true,
                Identity.of(context).name(),
                FastCut.END_CARD_MS,
                Seeds.of(context),
                false,
                FastCut.BPM,
                Stitching.CaptionStyle.SUBTITLE,
                List.of(),
                Stitching.Framing.STEADY);
        MediaFile video =
                stitching.stitch(request.withProduct(Identity.of(context).cutOut(), CALL_TO_ACTION));
        local.add(video);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("video", OutputFiles.store(context, video, ROLE));
        outputs.put("duration_ms", video.durationMs());
        outputs.put("planned_ms", request.durationMs());
        outputs.put("bpm", FastCut.BPM);
        outputs.put("captions", VoiceoverStage.timed(request.captions()));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STITCH));
    }
}
