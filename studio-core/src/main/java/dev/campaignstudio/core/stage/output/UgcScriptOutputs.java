package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code script_storyboard} step (UGC) recorded, as the shot stages read it.
 *
 * @param shots the chosen script's shots, in order
 */
record UgcScriptOutputs(List<Shot> shots) {

    /** Key of the chosen script's shots (each variant's too, while scored): objects of the keys of {@link Shot}. */
    static final String SHOTS = "shots";

    static final String SELECTED = "selected";
    static final String SCORE = "score";
    static final String FILE = "file";
    static final String VARIANTS = "variants";

    UgcScriptOutputs {
        shots = List.copyOf(shots);
    }

    /** Reads a {@code script_storyboard} step's outputs. */
    static UgcScriptOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.SCRIPT_STORYBOARD, outputs));
    }

    /** Reads the outputs of the job's {@code script_storyboard} step, which has finished. */
    static UgcScriptOutputs of(StepContext context) {
        return read(StageOutputs.of(context, Stages.SCRIPT_STORYBOARD));
    }

    private static UgcScriptOutputs read(StageOutputs outputs) {
        return new UgcScriptOutputs(outputs.objects(SHOTS).stream()
                .map(s -> new Shot(
                        s.integer(Shot.ORDER),
                        s.wire(Shot.KIND, ShotKind.class),
                        s.text(Shot.LINE),
                        s.textOrNull(Shot.DIRECTION)))
                .toList());
    }

    /** Shot {@code order} (1-based). */
    Shot shot(int order) {
        if (order < 1 || order > shots.size()) {
            throw new IllegalStateException("the UGC script has " + shots.size() + " shots, not " + order);
        }
        return shots.get(order - 1);
    }

    /**
     * One shot of the script.
     *
     * @param order     1-based
     * @param kind      what the shot shows
     * @param line      what is said over it
     * @param direction what the camera sees (the writer's direction), or {@code null}
     */
    record Shot(int order, ShotKind kind, String line, String direction) {

        static final String ORDER = "order";
        static final String KIND = "kind";
        static final String LINE = "line";
        static final String DIRECTION = "direction";
    }
}
