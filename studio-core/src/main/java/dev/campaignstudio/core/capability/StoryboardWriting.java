package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.contract.Style;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@code storyboard} capability: the shots of a video. */
public interface StoryboardWriting {

    /**
     * Plans the scenes of a video.
     *
     * @param request product facts, prompt, scene count, length and style
     * @return scenes in order, their lengths adding up to the requested length; on a beat, to that length rounded to
     *         the nearest whole number of beats (and at least one beat a scene)
     * @throws StepFault for provider faults
     */
    Storyboard plan(StoryboardRequest request) throws StepFault;

    /**
     * Proposes campaign concepts that seed later outputs (the {@code storyboard_seeds} stage).
     *
     * @param request product facts, page facts and prompt
     * @return {@code request.count()} concepts, each with a different angle while the adapter has angles left, then
     *         angles again with other titles and wording
     * @throws StepFault for provider faults
     */
    List<Concept> concepts(ConceptRequest request) throws StepFault;

    /**
     * What to propose concepts for.
     *
     * @param productName product name
     * @param facts       what the product looks like and is
     * @param pageFacts   what the product page says (title, description, brand, price...), possibly empty
     * @param prompt      the campaign instruction, or {@code null}
     * @param count       how many concepts, 1 to 12 (beyond the adapter's distinct angles, angles are reused with new
     *                    wording)
     * @param seed        the same seed proposes the same concepts
     */
    record ConceptRequest(
            String productName,
            ProductAnalysis.ProductFacts facts,
            Map<String, String> pageFacts,
            String prompt,
            int count,
            long seed) {
        public ConceptRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            pageFacts = pageFacts == null ? Map.of() : Map.copyOf(pageFacts);
            if (count < 1 || count > 12) {
                throw new IllegalArgumentException("1 to 12 concepts");
            }
        }
    }

    /**
     * One campaign concept.
     *
     * @param title      a short name
     * @param angle      the selling angle, e.g. {@code durability} or {@code everyday ritual}
     * @param hook       the opening line
     * @param sceneIdeas two to four shots, in words
     * @param style      the look it suggests
     */
    record Concept(String title, String angle, String hook, List<String> sceneIdeas, Style style) {
        public Concept {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(angle, "angle");
            Objects.requireNonNull(hook, "hook");
            sceneIdeas = List.copyOf(sceneIdeas);
            Objects.requireNonNull(style, "style");
        }
    }

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
     * @param beatMs      cut only on multiples of this (a beat of the music): every scene starts and lasts whole beats;
     *                    or 0 for free timing
     */
    record StoryboardRequest(
            String productName,
            ProductAnalysis.ProductFacts facts,
            String prompt,
            int scenes,
            long durationMs,
            Style style,
            long seed,
            long beatMs) {
        public StoryboardRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(style, "style");
            if (scenes < 1 || durationMs < scenes * 500L) {
                throw new IllegalArgumentException("a storyboard has at least one scene of at least 500 ms");
            }
            if (beatMs < 0 || beatMs > 0 && durationMs < scenes * beatMs) {
                throw new IllegalArgumentException("every scene lasts at least one beat");
            }
        }

        /** Free cut timing. */
        public StoryboardRequest(
                String productName,
                ProductAnalysis.ProductFacts facts,
                String prompt,
                int scenes,
                long durationMs,
                Style style,
                long seed) {
            this(productName, facts, prompt, scenes, durationMs, style, seed, 0);
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
    record Scene(int order, long startMs, long durationMs, String shot, CameraMove move, String text, Style style) {}
}
