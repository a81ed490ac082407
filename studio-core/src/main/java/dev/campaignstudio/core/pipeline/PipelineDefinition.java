package dev.campaignstudio.core.pipeline;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered stages a job runs.
 *
 * @param name   pipeline name, e.g. {@code fast_video}
 * @param stages stages in execution order; names are unique
 */
public record PipelineDefinition(String name, List<StageDefinition> stages) {

    public PipelineDefinition {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        Set<String> names = new HashSet<>();
        Set<String> all = new HashSet<>();
        stages.forEach(s -> all.add(s.name()));
        for (StageDefinition stage : stages) {
            // a stage may name one that is not in this pipeline (a conditional stage left out), never one after it
            if (stage.uses() != null && stage.uses().stream().anyMatch(u -> all.contains(u) && !names.contains(u))) {
                throw new IllegalArgumentException(
                        "stage " + stage.name() + " of " + name + " uses stages that do not come before it: "
                                + stage.uses().stream()
                                        .filter(u -> all.contains(u) && !names.contains(u))
                                        .sorted()
                                        .toList());
            }
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException("stage " + stage.name() + " appears twice in " + name);
            }
        }
    }

    /** The stage called {@code name}, if this pipeline has it. */
    public Optional<StageDefinition> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The name of the creation pipeline. */
    public static final String CREATION = "marketing_creation";

    /**
     * The stage a retry's target names: the name itself, or for {@code storyboard} in the creation pipeline, its
     * {@code storyboard_seeds}, as docs/engine.md ("Retry jobs") lets retries call both.
     */
    public String retryTarget(String requested) {
        if (name.equals(CREATION)
                && Stages.STORYBOARD.equals(requested)
                && stage(Stages.STORYBOARD_SEEDS).isPresent()) {
            return Stages.STORYBOARD_SEEDS;
        }
        return requested;
    }

    /**
     * What a retry from {@code target} runs again: the target and every later stage that builds on a stage run again
     * (directly or through another); every other stage's outputs are kept.
     */
    public Set<String> rerunFrom(String target) {
        return rerunFrom(target, false);
    }

    /**
     * As {@link #rerunFrom(String)}; when the retry changes the prompt or settings ({@code requestChanged}), every later
     * stage that reads them ({@link StageDefinition#REQUEST}) runs again too, as the changes apply from the target on.
     */
    public Set<String> rerunFrom(String target, boolean requestChanged) {
        Set<String> rerun = new LinkedHashSet<>();
        boolean reached = false;
        for (StageDefinition stage : stages) {
            if (stage.name().equals(target)) {
                reached = true;
                rerun.add(stage.name());
            } else if (reached
                    && (rerun.stream().anyMatch(stage::buildsOn)
                            || requestChanged && stage.buildsOn(StageDefinition.REQUEST))) {
                rerun.add(stage.name());
            }
        }
        return rerun;
    }

    /** Stage names in order, for messages. */
    public List<String> stageNames() {
        return stages.stream().map(StageDefinition::name).toList();
    }

    /**
     * This pipeline as it runs for a job with {@code inputs}: without the stages whose condition it does not meet.
     * Planning, manifests and retries all work on this.
     */
    public PipelineDefinition applicableTo(JobInputs inputs) {
        List<StageDefinition> applicable =
                stages.stream().filter(s -> s.when().appliesTo(inputs)).toList();
        return applicable.size() == stages.size() ? this : new PipelineDefinition(name, applicable);
    }
}
