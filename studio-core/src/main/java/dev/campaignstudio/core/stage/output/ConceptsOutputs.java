package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;

/**
 * What a {@code concepts} step (image bundle) recorded, as the scene stages read it.
 *
 * @param concepts one concept per image, in order
 */
record ConceptsOutputs(List<Concept> concepts) {

    /** Key of the concepts: objects of the keys of {@link Concept}. */
    static final String CONCEPTS = "concepts";
    /** Key of the concepts' JSON file. */
    static final String FILE = "file";

    ConceptsOutputs {
        concepts = List.copyOf(concepts);
    }

    /** Reads a {@code concepts} step's outputs. */
    static ConceptsOutputs of(Map<String, Object> outputs) {
        StageOutputs read = StageOutputs.of(Stages.CONCEPTS, outputs);
        return new ConceptsOutputs(read.objects(CONCEPTS).stream()
                .map(c -> new Concept(
                        c.integer(Concept.ORDER),
                        c.textOrNull(Concept.HEADLINE),
                        c.textOrNull(Concept.STYLE),
                        c.textsOrNone(Concept.SCENE_IDEAS).stream().findFirst().orElse(null)))
                .toList());
    }

    /**
     * One image's concept.
     *
     * @param order    1-based
     * @param headline text set on the image, or {@code null}
     * @param style    wire spelling of its style, or {@code null}
     * @param idea     the scene it shows (its first scene idea), or {@code null}
     */
    record Concept(int order, String headline, String style, String idea) {

        static final String ORDER = "order";
        static final String TITLE = "title";
        static final String ANGLE = "angle";
        static final String HEADLINE = "headline";
        static final String SCENE_IDEAS = "scene_ideas";
        static final String STYLE = "style";
        static final String SEED_CONCEPT = "seed_concept";
    }
}
