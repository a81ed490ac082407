package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StepFault;
import java.util.List;
import java.util.Objects;

/** The {@code storyboard} capability: the shots of a video. */
public interface StoryboardWriting {

    /**
     * Plans the scenes of a video.
     *
     * @param request product facts, prompt, scene count, length and style
     * @return scenes in order, their lengths adding up to the requested length
     * @throws StepFault for provider faults
     */
    Storyboard plan(StoryboardRequest request) throws StepFault;

    /**
     * What to plan.
     *
     * @param productName product name
     * @param facts       what the product looks like and is
     * @param prompt      the campaign instruction
     * @param scenes      how many scenes
     * @param durationMs  total length
     * @param style       requested style ({@code auto} lets the writer choose per scene)
     * @param seed        the same seed plans the same storyboard
     */
    record StoryboardRequest(String productName, ProductAnalysis.ProductFacts facts, String prompt, int scenes, long durationMs, Style style,
            long seed) {
        public StoryboardRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(style, "style");
            if (scenes < 1 || durationMs < scenes * 500L) {
                throw new IllegalArgumentException("a storyboard has at least one scene of at least 500 ms");
            }
        }
    }

    /**
     * A storyboard.
     *
     * @param title  a working title
     * @param scenes scenes in order
     */
    record Storyboard(String title, List<Scene> scenes) {
        public Storyboard {
            scenes = List.copyOf(scenes);
        }
    }

    /**
     * One scene.
     *
     * @param order      1-based
     * @param startMs    start in the video
     * @param durationMs length
     * @param shot       what the camera sees, in words
     * @param move       camera move
     * @param text       on-screen text, or {@code null}
     * @param style      background style
     */
    record Scene(int order, long startMs, long durationMs, String shot, CameraMove move, String text, Style style) {
    }
}
