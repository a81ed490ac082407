package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.pipeline.Stages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scene as the planning stage of its pipeline laid it out: an image bundle's {@code concepts} or a fast video's
 * {@code storyboard}.
 *
 * @param order        1-based scene
 * @param headline     text set on the image, or {@code null}
 * @param style        background style
 * @param presentation product alone or with a presenter (a {@code mixed} job alternates, starting with the product)
 * @param move         camera move (videos)
 * @param startMs      start in the video (videos), else 0
 * @param durationMs   length in the video (videos), else 0
 * @param shot         what the scene shows (the storyboard's shot, the concept's scene idea), or {@code null}
 */
record ScenePlan(
        int order,
        String headline,
        Style style,
        Presentation presentation,
        CameraMove move,
        long startMs,
        long durationMs,
        String shot) {

    static ScenePlan of(StepContext context, int order) {
        OutputSettings settings = context.settings().orElseThrow();
        Presentation presentation = settings.presentation() != Presentation.MIXED
                ? settings.presentation()
                : order % 2 == 1 ? Presentation.PRODUCT_ONLY : Presentation.WITH_MODEL;
        Optional<Map<String, Object>> concepts = context.outputsOf(Stages.CONCEPTS);
        if (concepts.isPresent()) {
            ConceptsOutputs.Concept concept =
                    item(ConceptsOutputs.of(concepts.get()).concepts(), order);
            return new ScenePlan(
                    order,
                    text(concept.headline()),
                    style(concept.style()),
                    presentation,
                    CameraMove.STATIC,
                    0,
                    0,
                    text(concept.idea()));
        }
        Map<String, Object> storyboard = context.outputsOf(Stages.STORYBOARD)
                .orElseThrow(() -> new IllegalStateException("no concepts or storyboard plans the scenes of this job"));
        StoryboardOutputs.Scene scene = item(StoryboardOutputs.of(storyboard).scenes(), order);
        CameraMove move =
                WireEnum.parse(CameraMove.class, String.valueOf(scene.move())).orElse(CameraMove.ZOOM_IN);
        return new ScenePlan(
                order,
                text(scene.text()),
                style(scene.style()),
                presentation,
                move,
                scene.startMs(),
                scene.durationMs(),
                text(scene.shot()));
    }

    private static <T> T item(List<T> items, int order) {
        if (order < 1 || order > items.size()) {
            throw new IllegalStateException("the plan has " + items.size() + " scenes, not " + order);
        }
        return items.get(order - 1);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Style style(String value) {
        return WireEnum.parse(Style.class, String.valueOf(value))
                .filter(s -> s != Style.AUTO)
                .orElse(Style.STUDIO);
    }
}
