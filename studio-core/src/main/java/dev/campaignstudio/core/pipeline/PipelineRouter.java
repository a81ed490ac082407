package dev.campaignstudio.core.pipeline;

import static dev.campaignstudio.core.pipeline.StageDefinition.REQUEST;
import static dev.campaignstudio.core.pipeline.StageDefinition.once;
import static dev.campaignstudio.core.pipeline.StageDefinition.perScene;

import dev.campaignstudio.core.contract.ModeCatalog;
import dev.campaignstudio.core.contract.ModeRules;
import dev.campaignstudio.core.contract.OutputMode;
import dev.campaignstudio.core.job.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table from output mode to pipeline. Every output pipeline starts with the identity stages (run or reused from
 * product checkpoints), then runs its own. Adding a mode adds a row, nothing else.
 */
public final class PipelineRouter {

    /**
     * The identity stages. What each builds on decides what a retry reruns (docs/retries.md): the product's description
     * ({@code metadata}) is kept when only the cut-out is redone, as it describes the product, not the mask.
     */
    private static final List<StageDefinition> IDENTITY = List.of(
            once(Stages.NEUTRAL_IMAGE).using(),
            once(Stages.METADATA).using(),
            once(Stages.CHARACTER_SHEET).using(Stages.NEUTRAL_IMAGE, Stages.METADATA),
            once(Stages.LINK_METADATA).onlyWhen(StageCondition.PRODUCT_HAS_LINK).using(),
            once(Stages.STORYBOARD_SEEDS).using(Stages.METADATA, Stages.LINK_METADATA));

    private final PipelineDefinition creation;
    private final Map<OutputMode, PipelineDefinition> outputs;
    private final ModeCatalog modes;

    private PipelineRouter(
            PipelineDefinition creation, Map<OutputMode, PipelineDefinition> outputs, ModeCatalog modes) {
        this.creation = creation;
        this.outputs = new LinkedHashMap<>(outputs);
        this.modes = modes;
        for (OutputMode mode : modes.modes()) {
            if (!this.outputs.containsKey(mode)) {
                throw new IllegalStateException("no pipeline for mode " + mode.wire());
            }
        }
    }

    /** The built-in pipelines (docs/modes.md, "Pipelines and what they make"). */
    public static PipelineRouter standard() {
        PipelineDefinition creation = new PipelineDefinition(
                PipelineDefinition.CREATION,
                concat(
                        IDENTITY,
                        List.of(once(Stages.EMIT)
                                .using(
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.METADATA,
                                        Stages.CHARACTER_SHEET,
                                        Stages.LINK_METADATA,
                                        Stages.STORYBOARD_SEEDS))));
        Map<OutputMode, PipelineDefinition> outputs = new LinkedHashMap<>();
        outputs.put(
                OutputMode.IMAGE_BUNDLE,
                output(
                        OutputMode.IMAGE_BUNDLE,
                        once(Stages.CONCEPTS).using(REQUEST, Stages.METADATA, Stages.STORYBOARD_SEEDS),
                        perScene(Stages.SCENE_IMAGE)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.METADATA,
                                        Stages.CONCEPTS),
                        once(Stages.FINALIZE_BUNDLE).using(REQUEST, Stages.METADATA, Stages.SCENE_IMAGE)));
        outputs.put(
                OutputMode.FAST_VIDEO,
                output(
                        OutputMode.FAST_VIDEO,
                        once(Stages.STORYBOARD).using(REQUEST, Stages.METADATA, Stages.STORYBOARD_SEEDS),
                        perScene(Stages.SCENE_IMAGE)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.METADATA,
                                        Stages.STORYBOARD),
                        perScene(Stages.SCENE_VIDEO)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.STORYBOARD,
                                        Stages.SCENE_IMAGE),
                        once(Stages.STITCH).using(REQUEST, Stages.NEUTRAL_IMAGE, Stages.METADATA, Stages.SCENE_VIDEO)));
        outputs.put(
                OutputMode.SCRIPT_VIDEO,
                output(
                        OutputMode.SCRIPT_VIDEO,
                        once(Stages.SCRIPT)
                                .using(REQUEST, Stages.METADATA, Stages.LINK_METADATA, Stages.STORYBOARD_SEEDS),
                        perScene(Stages.VOICEOVER).using(REQUEST, Stages.SCRIPT),
                        perScene(Stages.SEGMENT_IMAGE)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.METADATA,
                                        Stages.SCRIPT),
                        perScene(Stages.SEGMENT_VIDEO)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.VOICEOVER,
                                        Stages.SEGMENT_IMAGE),
                        once(Stages.TIMED_VIDEO)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.METADATA,
                                        Stages.VOICEOVER,
                                        Stages.SEGMENT_VIDEO)));
        outputs.put(
                OutputMode.UGC,
                output(
                        OutputMode.UGC,
                        once(Stages.INTERPRET_PROMPT).using(REQUEST, Stages.METADATA),
                        once(Stages.SCRIPT_STORYBOARD)
                                .using(
                                        REQUEST,
                                        Stages.METADATA,
                                        Stages.LINK_METADATA,
                                        Stages.STORYBOARD_SEEDS,
                                        Stages.INTERPRET_PROMPT),
                        perScene(Stages.UGC_MEDIA)
                                .on(WorkQueue.AVATAR)
                                .timingOutAfter(Duration.ofMinutes(15))
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.CHARACTER_SHEET,
                                        Stages.METADATA,
                                        Stages.SCRIPT_STORYBOARD),
                        once(Stages.ASSEMBLE)
                                .using(
                                        REQUEST,
                                        Stages.NEUTRAL_IMAGE,
                                        Stages.METADATA,
                                        Stages.INTERPRET_PROMPT,
                                        Stages.UGC_MEDIA)));
        return new PipelineRouter(creation, outputs, ModeCatalog.BUILT_IN);
    }

    /**
     * This router with one more output mode: its settings' rules and its own stages, which run after the identity
     * stages like every mode's. The API accepts the mode from then on; nothing else changes.
     */
    public PipelineRouter withMode(ModeRules rules, StageDefinition... own) {
        Map<OutputMode, PipelineDefinition> more = new LinkedHashMap<>(outputs);
        more.put(rules.mode(), output(rules.mode(), own));
        return new PipelineRouter(creation, more, modes.with(rules));
    }

    /**
     * This router with the time limits {@code timeouts} gives by stage name; stages it does not name keep theirs.
     */
    public PipelineRouter withTimeouts(Map<String, Duration> timeouts) {
        Map<OutputMode, PipelineDefinition> retimed = new LinkedHashMap<>();
        outputs.forEach((mode, pipeline) -> retimed.put(mode, retime(pipeline, timeouts)));
        return new PipelineRouter(retime(creation, timeouts), retimed, modes);
    }

    private static PipelineDefinition retime(PipelineDefinition pipeline, Map<String, Duration> timeouts) {
        return new PipelineDefinition(
                pipeline.name(),
                pipeline.stages().stream()
                        .map(stage -> timeouts.containsKey(stage.name())
                                ? stage.timingOutAfter(timeouts.get(stage.name()))
                                : stage)
                        .toList());
    }

    /** Every stage of every pipeline by name (the same name has the same definition in every pipeline it is in). */
    public Map<String, StageDefinition> stages() {
        Map<String, StageDefinition> all = new LinkedHashMap<>();
        creation.stages().forEach(stage -> all.putIfAbsent(stage.name(), stage));
        outputs.values().forEach(pipeline -> pipeline.stages().forEach(stage -> all.putIfAbsent(stage.name(), stage)));
        return all;
    }

    /** The modes this router has a pipeline for, with their settings' rules: what the API accepts. */
    public ModeCatalog modes() {
        return modes;
    }

    /** A router with other pipelines, e.g. test or benchmark pipelines: creation jobs run {@code creation}. */
    public static PipelineRouter of(PipelineDefinition creation, Map<OutputMode, PipelineDefinition> outputs) {
        return new PipelineRouter(creation, outputs, ModeCatalog.BUILT_IN);
    }

    /** A router that runs every job, whatever its type or mode, through {@code pipeline}. */
    public static PipelineRouter only(PipelineDefinition pipeline) {
        Map<OutputMode, PipelineDefinition> outputs = new LinkedHashMap<>();
        for (OutputMode mode : OutputMode.builtIn()) {
            outputs.put(mode, pipeline);
        }
        return new PipelineRouter(pipeline, outputs, ModeCatalog.BUILT_IN);
    }

    /**
     * The pipeline a job runs.
     *
     * @param mode the job's output mode, or {@code null} for creation jobs (and retries of them)
     */
    public PipelineDefinition route(OutputMode mode) {
        if (mode == null) {
            return creation;
        }
        PipelineDefinition pipeline = outputs.get(mode);
        if (pipeline == null) {
            throw new IllegalStateException("no pipeline for mode " + mode.wire());
        }
        return pipeline;
    }

    private static PipelineDefinition output(OutputMode mode, StageDefinition... own) {
        return new PipelineDefinition(mode.wire(), concat(IDENTITY, List.of(own)));
    }

    private static List<StageDefinition> concat(List<StageDefinition> first, List<StageDefinition> second) {
        List<StageDefinition> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
