package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code neutral_image} step recorded, as the stages after it read it.
 *
 * @param neutralImage asset id of the chosen cut-out
 * @param cutOuts      asset ids of every photo's cut-out, the chosen one among them (none in older outputs)
 * @param reason       why the chosen cut-out won, or {@code null}
 */
public record NeutralImageOutputs(String neutralImage, List<String> cutOuts, String reason) {

    /** Key of the chosen cut-out's asset id. */
    public static final String NEUTRAL_IMAGE = NeutralImageStage.NEUTRAL_IMAGE;
    /** Key of every cut-out's asset id. */
    public static final String CUTOUTS = "cutouts";
    /** Key of why the chosen cut-out won. */
    public static final String REASON = "reason";

    public NeutralImageOutputs {
        cutOuts = List.copyOf(cutOuts);
    }

    /** Reads a {@code neutral_image} step's outputs. */
    public static NeutralImageOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.NEUTRAL_IMAGE, outputs));
    }

    /** Reads the outputs of the job's {@code neutral_image} step, which has finished. */
    public static NeutralImageOutputs of(StepContext context) {
        return read(StageOutputs.of(context, Stages.NEUTRAL_IMAGE));
    }

    private static NeutralImageOutputs read(StageOutputs outputs) {
        return new NeutralImageOutputs(
                outputs.text(NEUTRAL_IMAGE), outputs.textsOrNone(CUTOUTS), outputs.textOrNull(REASON));
    }
}
