package dev.campaignstudio.core.pipeline;

import java.util.HashSet;
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
        for (StageDefinition stage : stages) {
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException("stage " + stage.name() + " appears twice in " + name);
            }
        }
    }

    /** The stage called {@code name}, if this pipeline has it. */
    public Optional<StageDefinition> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
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
        List<StageDefinition> applicable = stages.stream().filter(s -> s.when().appliesTo(inputs)).toList();
        return applicable.size() == stages.size() ? this : new PipelineDefinition(name, applicable);
    }
}
