package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.engine.StepFault;
import java.util.List;
import java.util.Objects;

/** The {@code script} capability: the words of a video. */
public interface ScriptWriting {

    /**
     * Writes a script, or segments a ready one.
     *
     * @param request product facts, prompt, and either a ready script or how many segments to write
     * @return segments in speaking order
     * @throws StepFault for provider faults
     */
    Script write(ScriptRequest request) throws StepFault;

    /**
     * What to write.
     *
     * @param productName   product name
     * @param facts         what the product looks like and is
     * @param prompt        the campaign instruction
     * @param readyScript   a script to segment instead of writing one, or {@code null}
     * @param segments      segments to write (ignored with a ready script)
     * @param targetSeconds roughly how long it should take to speak
     * @param language      language tag
     * @param seed          the same seed writes the same script
     */
    record ScriptRequest(String productName, ProductAnalysis.ProductFacts facts, String prompt, String readyScript, int segments,
            int targetSeconds, String language, long seed) {
        public ScriptRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * A script.
     *
     * @param segments in speaking order
     */
    record Script(List<Segment> segments) {
        public Script {
            segments = List.copyOf(segments);
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("a script has at least one segment");
            }
        }

        /** The whole script as one text. */
        public String text() {
            return String.join(" ", segments.stream().map(Segment::text).toList());
        }
    }

    /**
     * A segment.
     *
     * @param role {@code hook}, {@code benefit}, {@code proof} or {@code call_to_action}
     * @param text the words
     */
    record Segment(String role, String text) {
    }
}
