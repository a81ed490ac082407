package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code storyboard_seeds} step recorded, as the output stages read it.
 *
 * @param concepts the product's campaign concepts, in order
 */
public record StoryboardSeedsOutputs(List<Seed> concepts) {

    /** Key of the concepts: objects of the keys below. */
    public static final String CONCEPTS = "concepts";
    /** Key of a concept's title. */
    public static final String TITLE = "title";
    /** Key of a concept's angle. */
    public static final String ANGLE = "angle";
    /** Key of a concept's hook. */
    public static final String HOOK = "hook";
    /** Key of a concept's scene ideas. */
    public static final String SCENE_IDEAS = "scene_ideas";
    /** Key of a concept's style. */
    public static final String STYLE = "style";

    public StoryboardSeedsOutputs {
        concepts = List.copyOf(concepts);
    }

    /** Reads a {@code storyboard_seeds} step's outputs; outputs without concepts have none. */
    public static StoryboardSeedsOutputs of(Map<String, Object> outputs) {
        StageOutputs read = StageOutputs.of(Stages.STORYBOARD_SEEDS, outputs);
        return new StoryboardSeedsOutputs(read.objectsOrNone(CONCEPTS).stream()
                .map(c -> new Seed(
                        c.textOrNull(TITLE),
                        c.textOrNull(ANGLE),
                        c.textOrNull(HOOK),
                        c.textsOrNone(SCENE_IDEAS),
                        c.textOrNull(STYLE)))
                .toList());
    }

    /**
     * One campaign concept of the product.
     *
     * @param title      its title, or {@code null}
     * @param angle      its angle, or {@code null}
     * @param hook       its hook, or {@code null}
     * @param sceneIdeas its scene ideas, possibly none
     * @param style      the wire spelling of its look, or {@code null}
     */
    public record Seed(String title, String angle, String hook, List<String> sceneIdeas, String style) {

        /** No concept: what a scene takes when the product has no seeds. */
        public static final Seed NONE = new Seed(null, null, null, List.of(), null);

        public Seed {
            sceneIdeas = List.copyOf(sceneIdeas);
        }

        /** Its look, or {@code fallback} when it has none (or {@code auto}). */
        public Style styleOr(Style fallback) {
            return WireEnum.parse(Style.class, String.valueOf(style))
                    .filter(s -> s != Style.AUTO)
                    .orElse(fallback);
        }
    }
}
