package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code script} step recorded, as the segment stages read it.
 *
 * @param segments the script's segments, in order, one voiced scene each
 */
record ScriptOutputs(List<Segment> segments) {

    /** Key of the segments: objects of {@link Segment#ORDER}, {@link Segment#ROLE} and {@link Segment#TEXT}. */
    static final String SEGMENTS = "segments";
    /** Key of whether the job supplied the script. */
    static final String SUPPLIED = "supplied";
    /** Key of the script's JSON file. */
    static final String FILE = "file";

    ScriptOutputs {
        segments = List.copyOf(segments);
    }

    /** Reads a {@code script} step's outputs. */
    static ScriptOutputs of(Map<String, Object> outputs) {
        return read(StageOutputs.of(Stages.SCRIPT, outputs));
    }

    /** Reads the outputs of the job's {@code script} step, which has finished. */
    static ScriptOutputs of(StepContext context) {
        return read(StageOutputs.of(context, Stages.SCRIPT));
    }

    private static ScriptOutputs read(StageOutputs outputs) {
        return new ScriptOutputs(outputs.objects(SEGMENTS).stream()
                .map(s -> new Segment(
                        s.integer(Segment.ORDER),
                        s.text(Segment.ROLE),
                        s.text(Segment.TEXT),
                        s.textOrNull(Segment.STYLE),
                        s.textOrNull(Segment.SHOT)))
                .toList());
    }

    /** Segment {@code order} (1-based). */
    Segment segment(int order) {
        if (order < 1 || order > segments.size()) {
            throw new IllegalStateException("the script has " + segments.size() + " segments, not " + order);
        }
        return segments.get(order - 1);
    }

    /**
     * One segment of the script.
     *
     * @param order 1-based
     * @param role  what it does in the script (hook, benefit, call to action, ...)
     * @param text  what is spoken
     * @param style wire spelling of the look its storyboard seed gave it, or {@code null}
     * @param shot  what its picture shows (its seed's scene idea), or {@code null}
     */
    record Segment(int order, String role, String text, String style, String shot) {

        static final String ORDER = "order";
        static final String ROLE = "role";
        static final String TEXT = "text";
        /** Key of the look its storyboard seed gave it (absent when none did). */
        static final String STYLE = "style";
        /** Key of the scene idea its storyboard seed gave it (absent when none did). */
        static final String SHOT = "shot";

        /** A segment no seed gave a look. */
        Segment(int order, String role, String text) {
            this(order, role, text, null, null);
        }

        /** The look its seed gave it, if any. */
        Optional<Style> look() {
            return style == null ? Optional.empty() : WireEnum.parse(Style.class, style);
        }

        /** The segment as the {@code script} step records it. */
        Map<String, Object> toMap() {
            Map<String, Object> map = new java.util.LinkedHashMap<>(Map.of(ORDER, order, ROLE, role, TEXT, text));
            if (style != null) {
                map.put(STYLE, style);
            }
            if (shot != null) {
                map.put(SHOT, shot);
            }
            return map;
        }
    }
}
