package dev.campaignstudio.core.stage;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.pipeline.StageDefinition;
import dev.campaignstudio.core.pipeline.Stages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The time limit of each stage: the configured one ({@code studio.stages.<stage>.timeout}) or the pipeline's, never
 * shorter than the deadline of an adapter the stage calls (a Replicate prediction may take 10 minutes: a stage cut at 5
 * would pay for predictions it never sees end). A limit left to the default is raised to the deadline and a margin; one
 * configured shorter stops the service with a message that names both (docs/providers.md, "Stage time limits").
 */
public final class StageTimeouts {

    /** Time a stage gets beyond its adapter's deadline, for the rest of its work (storing, checks). */
    public static final Duration MARGIN = Duration.ofMinutes(1);

    /** The capabilities each built-in stage calls. */
    static final Map<String, Set<Capability>> CALLS = Map.ofEntries(
            Map.entry(Stages.NEUTRAL_IMAGE, EnumSet.of(Capability.PRODUCT_ANALYSIS)),
            Map.entry(Stages.METADATA, EnumSet.of(Capability.PRODUCT_ANALYSIS)),
            Map.entry(Stages.LINK_METADATA, EnumSet.of(Capability.LINK_READER)),
            Map.entry(Stages.STORYBOARD_SEEDS, EnumSet.of(Capability.STORYBOARD)),
            Map.entry(Stages.CONCEPTS, EnumSet.of(Capability.STORYBOARD)),
            Map.entry(Stages.SCENE_IMAGE, EnumSet.of(Capability.IMAGE, Capability.FIDELITY)),
            Map.entry(Stages.STORYBOARD, EnumSet.of(Capability.STORYBOARD)),
            Map.entry(Stages.SCENE_VIDEO, EnumSet.of(Capability.VIDEO)),
            Map.entry(Stages.STITCH, EnumSet.of(Capability.STITCH)),
            Map.entry(Stages.SCRIPT, EnumSet.of(Capability.SCRIPT)),
            Map.entry(Stages.VOICEOVER, EnumSet.of(Capability.AUDIO)),
            Map.entry(Stages.TIMED_VIDEO, EnumSet.of(Capability.VIDEO, Capability.STITCH)),
            Map.entry(Stages.INTERPRET_PROMPT, EnumSet.of(Capability.SCRIPT)),
            Map.entry(Stages.SCRIPT_STORYBOARD, EnumSet.of(Capability.SCRIPT, Capability.STORYBOARD)),
            Map.entry(
                    Stages.UGC_MEDIA,
                    EnumSet.of(Capability.AUDIO, Capability.IMAGE, Capability.VIDEO, Capability.LIP_SYNC)),
            Map.entry(Stages.ASSEMBLE, EnumSet.of(Capability.STITCH)));

    /**
     * The limits decided.
     *
     * @param timeouts the limit of every stage
     * @param raised   one line per stage whose limit was raised to its adapter's deadline, for the log
     */
    public record Resolved(Map<String, Duration> timeouts, List<String> raised) {
        public Resolved {
            timeouts = Map.copyOf(timeouts);
            raised = List.copyOf(raised);
        }
    }

    private StageTimeouts() {}

    /**
     * Decides each stage's limit.
     *
     * @param stages     every stage of the pipelines, by name, with its pipeline's limit
     * @param configured limits configured by stage name
     * @param deadlines  the deadline the bound adapter sets a capability, if any
     * @throws IllegalStateException naming every configured limit that names no stage or is shorter than a deadline
     */
    public static Resolved resolve(
            Map<String, StageDefinition> stages,
            Map<String, Duration> configured,
            Function<Capability, Optional<Duration>> deadlines) {
        List<String> problems = new ArrayList<>();
        configured.forEach((stage, limit) -> {
            if (!stages.containsKey(stage)) {
                problems.add("studio.stages." + stage + ".timeout: no stage is called '" + stage + "'");
            } else if (limit == null || limit.isNegative() || limit.isZero()) {
                problems.add("studio.stages." + stage + ".timeout must be a positive duration");
            }
        });
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        List<String> raised = new ArrayList<>();
        stages.forEach((name, stage) -> {
            Duration limit = configured.getOrDefault(name, stage.timeout());
            if (limit == null || limit.isNegative() || limit.isZero()) {
                return;
            }
            for (Capability capability : CALLS.getOrDefault(name, Set.of())) {
                Optional<Duration> deadline = deadlines.apply(capability);
                if (deadline.isEmpty() || deadline.get().plus(MARGIN).compareTo(limit) <= 0) {
                    continue;
                }
                Duration floor = deadline.get().plus(MARGIN);
                if (configured.containsKey(name)) {
                    problems.add("studio.stages." + name + ".timeout=" + human(limit)
                            + " is shorter than the deadline of the adapter bound to " + capability.wire()
                            + " (" + human(deadline.get()) + ") and a margin of " + human(MARGIN)
                            + ": set it to at least " + human(floor));
                } else {
                    raised.add(name + ": time limit raised from " + human(limit) + " to " + human(floor) + ", the "
                            + capability.wire() + " adapter's deadline and a margin");
                    limit = floor;
                }
            }
            timeouts.put(name, limit);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return new Resolved(timeouts, raised);
    }

    private static String human(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
