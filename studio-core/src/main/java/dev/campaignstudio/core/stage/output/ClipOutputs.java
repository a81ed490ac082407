package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.Map;

/**
 * What a clip step recorded ({@code scene_video} of a fast video, {@code segment_video} of a script video), as the
 * assembling stage reads it.
 *
 * @param clip       asset id of the clip
 * @param durationMs the clip's planned length, its crossfade into the next included
 */
record ClipOutputs(String clip, long durationMs) {

    /** Key of the clip's asset id. */
    static final String CLIP = "clip";
    /** Key of the clip's planned length. */
    static final String DURATION_MS = "duration_ms";
    /** Key of the camera move the clip was made with. */
    static final String MOVE = "move";
    /** Key of the segment's speech length ({@code segment_video}). */
    static final String SPEECH_MS = "speech_ms";

    /**
     * Reads a clip step's outputs.
     *
     * @param stage   the stage that made it, as errors name it
     * @param outputs its outputs
     */
    static ClipOutputs of(String stage, Map<String, Object> outputs) {
        return read(StageOutputs.of(stage, outputs));
    }

    /** Reads the outputs of scene {@code scene} of the job's clip stage {@code stage}, which has finished. */
    static ClipOutputs of(StepContext context, String stage, int scene) {
        return read(StageOutputs.of(context, stage, scene));
    }

    /** Reads a finished clip step's outputs. */
    static ClipOutputs of(StepRecord step) {
        return read(StageOutputs.of(step));
    }

    private static ClipOutputs read(StageOutputs outputs) {
        return new ClipOutputs(outputs.text(CLIP), outputs.whole(DURATION_MS));
    }
}
