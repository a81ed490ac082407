package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code storyboard} step (fast video) recorded, as the scene stages read it.
 *
 * @param scenes the planned scenes, in order
 */
record StoryboardOutputs(List<Scene> scenes) {

    /** Key of the scenes: objects of the keys of {@link Scene}. */
    static final String SCENES = "scenes";

    StoryboardOutputs {
        scenes = List.copyOf(scenes);
    }

    /** Reads a {@code storyboard} step's outputs. */
    static StoryboardOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.STORYBOARD, outputs));
    }

    /** Reads the outputs of the job's {@code storyboard} step, which has finished. */
    static StoryboardOutputs of(StepContext context) {
        return read(StageOutputs.of(context, Stages.STORYBOARD));
    }

    private static StoryboardOutputs read(StageOutputs read) {
        return new StoryboardOutputs(read.objects(SCENES).stream()
                .map(s -> new Scene(
                        s.integer(Scene.ORDER),
                        s.whole(Scene.START_MS),
                        s.whole(Scene.DURATION_MS),
                        s.textOrNull(Scene.MOVE),
                        s.textOrNull(Scene.TEXT),
                        s.textOrNull(Scene.STYLE),
                        s.textOrNull(Scene.SHOT)))
                .toList());
    }

    /**
     * One planned scene.
     *
     * @param order      1-based
     * @param startMs    start in the video
     * @param durationMs length in the video
     * @param move       wire spelling of its camera move, or {@code null}
     * @param text       its on-screen text, or {@code null}
     * @param style      wire spelling of its style, or {@code null}
     * @param shot       what it shows (the storyboard's shot idea), or {@code null}
     */
    record Scene(int order, long startMs, long durationMs, String move, String text, String style, String shot) {

        static final String ORDER = "order";
        static final String START_MS = "start_ms";
        static final String DURATION_MS = "duration_ms";
        static final String SHOT = "shot";
        static final String MOVE = "move";
        static final String TEXT = "text";
        static final String STYLE = "style";
        static final String SEED_CONCEPT = "seed_concept";
    }
}
