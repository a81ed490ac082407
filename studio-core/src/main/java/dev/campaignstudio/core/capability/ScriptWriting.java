package dev.campaignstudio.core.capability;

import dev.campaignstudio.core.id.WireEnum;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Reads a UGC prompt: who speaks, how, and where (the {@code interpret_prompt} stage).
     *
     * @param request the product, the prompt and the language
     * @return the persona, tone, setting and an opening hook
     * @throws StepFault for provider faults
     */
    Brief interpret(BriefRequest request) throws StepFault;

    /**
     * Writes a UGC video's spoken lines and shots (the {@code script_storyboard} stage).
     *
     * @param request the product, the brief, how many shots and roughly how long
     * @return shots in order: the first is the presenter speaking the hook; with three or more shots, at least one of
     *         each kind
     * @throws StepFault for provider faults
     */
    UgcScript ugcScript(UgcScriptRequest request) throws StepFault;

    /**
     * The storyboard seed that segment or shot {@code index} (0-based) follows: the seeds in turn.
     *
     * @param seeds the product's storyboard seeds, possibly empty
     * @param index the segment's or shot's place, 0-based
     * @return the seed, or {@code null} when there are none
     */
    static StoryboardWriting.Concept seedOf(List<StoryboardWriting.Concept> seeds, int index) {
        return SeedTurns.seedOf(seeds, index);
    }

    /**
     * The scene idea segment or shot {@code index} (0-based) takes: of its seed ({@link #seedOf}), the ideas in turn
     * each time the seeds come round again, as the fast video's storyboard takes them (docs/modes.md).
     *
     * @param seeds the product's storyboard seeds, possibly empty
     * @param index the segment's or shot's place, 0-based
     * @return the idea, or {@code null} when there are no seeds or the seed has no ideas
     */
    static String ideaOf(List<StoryboardWriting.Concept> seeds, int index) {
        StoryboardWriting.Concept seed = seedOf(seeds, index);
        return seed == null ? null : SeedTurns.ideaOf(seed.sceneIdeas(), seeds.size(), index);
    }

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
     * @param seeds         the product's storyboard seeds: segment {@code i} (0-based, in speaking order) follows seed
     *                      {@code i % seeds.size()}, its hook and angle in the words; possibly empty
     * @param details       what the product's metadata and page say, by name ({@code brand}, {@code description},
     *                      {@code colours}, {@code price}, ...), for the words to keep to; possibly empty
     */
    record ScriptRequest(
            String productName,
            ProductAnalysis.ProductFacts facts,
            String prompt,
            String readyScript,
            int segments,
            int targetSeconds,
            String language,
            long seed,
            List<StoryboardWriting.Concept> seeds,
            Map<String, String> details) {
        public ScriptRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            seeds = seeds == null ? List.of() : List.copyOf(seeds);
            details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        /** Without seeds or details. */
        public ScriptRequest(
                String productName,
                ProductAnalysis.ProductFacts facts,
                String prompt,
                String readyScript,
                int segments,
                int targetSeconds,
                String language,
                long seed) {
            this(productName, facts, prompt, readyScript, segments, targetSeconds, language, seed, List.of(), Map.of());
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
    record Segment(String role, String text) {}

    /**
     * What to read a brief from.
     *
     * @param productName product name
     * @param facts       what the product looks like and is
     * @param prompt      the campaign instruction
     * @param language    language tag
     * @param seed        the same seed reads the same brief
     */
    record BriefRequest(
            String productName, ProductAnalysis.ProductFacts facts, String prompt, String language, long seed) {
        public BriefRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /**
     * Who speaks in a UGC video, and how.
     *
     * @param persona who, e.g. {@code a runner in her twenties who reviews gear}
     * @param tone    how, e.g. {@code excited, casual}
     * @param setting where, e.g. {@code a sunny kitchen}
     * @param hook    the opening line, short enough for the first two seconds
     */
    record Brief(String persona, String tone, String setting, String hook) {
        public Brief {
            Objects.requireNonNull(persona, "persona");
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(hook, "hook");
        }
    }

    /**
     * What to write a UGC script for.
     *
     * @param productName   product name
     * @param facts         what the product looks like and is
     * @param brief         persona, tone, setting and hook
     * @param shots         how many shots, 2 to 8
     * @param targetSeconds roughly how long all lines take to speak
     * @param language      language tag
     * @param seed          the same seed writes the same script
     * @param seeds         the product's storyboard seeds: shot {@code i} (0-based) follows seed
     *                      {@code i % seeds.size()}, its scene idea in the direction and, after the opening shot, its
     *                      hook in the line; possibly empty
     * @param details       what the product's metadata and page say, by name ({@code brand}, {@code description},
     *                      {@code colours}, {@code price}, ...), for the lines to keep to; possibly empty
     */
    record UgcScriptRequest(
            String productName,
            ProductAnalysis.ProductFacts facts,
            Brief brief,
            int shots,
            int targetSeconds,
            String language,
            long seed,
            List<StoryboardWriting.Concept> seeds,
            Map<String, String> details) {
        public UgcScriptRequest {
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(brief, "brief");
            if (shots < 2 || shots > 8) {
                throw new IllegalArgumentException("2 to 8 shots");
            }
            seeds = seeds == null ? List.of() : List.copyOf(seeds);
            details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        /** Without seeds or details. */
        public UgcScriptRequest(
                String productName,
                ProductAnalysis.ProductFacts facts,
                Brief brief,
                int shots,
                int targetSeconds,
                String language,
                long seed) {
            this(productName, facts, brief, shots, targetSeconds, language, seed, List.of(), Map.of());
        }
    }

    /**
     * A UGC script.
     *
     * @param shots in order
     */
    record UgcScript(List<Shot> shots) {
        public UgcScript {
            shots = List.copyOf(shots);
            if (shots.isEmpty()) {
                throw new IllegalArgumentException("a UGC script has at least one shot");
            }
        }
    }

    /**
     * One shot of a UGC video.
     *
     * @param order     1-based
     * @param kind      what the camera sees
     * @param line      the words spoken over it
     * @param direction what happens, in words
     */
    record Shot(int order, ShotKind kind, String line, String direction) {
        public Shot {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** What a UGC shot shows. */
    enum ShotKind implements WireEnum {
        /** The presenter talking to the camera. */
        TALKING("talking"),
        /** The product close, the presenter's voice over it. */
        PRODUCT_CLOSEUP("product_closeup"),
        /** The presenter holding up the product while talking. */
        PRESENTER_WITH_PRODUCT("presenter_with_product");

        private final String wire;

        ShotKind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
