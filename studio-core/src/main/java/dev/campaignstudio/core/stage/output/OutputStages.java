package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.fidelity.ClipLoop;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import dev.campaignstudio.core.stage.fidelity.FidelityThresholds;
import java.util.LinkedHashMap;
import java.util.Map;

/** The handlers of the four output pipelines' own stages (docs/modes.md). */
public final class OutputStages {

    private OutputStages() {}

    /** Handler by stage name. */
    public static Map<String, StageHandler> handlers(
            Capabilities capabilities, RenderSettings render, FidelityThresholds thresholds) {
        FidelityLoop fidelity = new FidelityLoop(capabilities, thresholds);
        ClipLoop clips = new ClipLoop(capabilities, thresholds);
        Map<String, StageHandler> handlers = new LinkedHashMap<>();
        handlers.put(Stages.CONCEPTS, new ConceptsStage(capabilities));
        handlers.put(Stages.SCENE_IMAGE, new SceneImageStage(capabilities, render, fidelity));
        handlers.put(Stages.FINALIZE_BUNDLE, new FinalizeBundleStage(capabilities));
        handlers.put(Stages.STORYBOARD, new StoryboardStage(capabilities));
        handlers.put(Stages.SCENE_VIDEO, new SceneVideoStage(capabilities, render, clips));
        handlers.put(Stages.STITCH, new StitchStage(capabilities, render));
        handlers.put(Stages.SCRIPT, new ScriptStage(capabilities));
        handlers.put(Stages.VOICEOVER, new VoiceoverStage(capabilities));
        handlers.put(Stages.SEGMENT_IMAGE, new SegmentImageStage(capabilities, render, fidelity));
        handlers.put(Stages.SEGMENT_VIDEO, new SegmentVideoStage(capabilities, render, clips));
        handlers.put(Stages.TIMED_VIDEO, new TimedVideoStage(capabilities, render));
        handlers.put(Stages.INTERPRET_PROMPT, new InterpretPromptStage(capabilities));
        handlers.put(Stages.SCRIPT_STORYBOARD, new ScriptStoryboardStage(capabilities));
        handlers.put(Stages.UGC_MEDIA, new UgcMediaStage(capabilities, render, fidelity, clips));
        handlers.put(Stages.ASSEMBLE, new AssembleStage(capabilities, render));
        return handlers;
    }
}
