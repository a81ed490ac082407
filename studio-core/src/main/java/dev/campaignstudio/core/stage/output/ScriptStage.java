package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code script} (script video): the supplied script cut into segments, or a script written from the prompt, the
 * product's metadata and page facts, and its storyboard seeds (one per segment in turn); each segment becomes one
 * voiced scene, showing its seed's shot idea in its seed's look when {@code style} is auto (docs/modes.md).
 */
public final class ScriptStage implements StageHandler {

    /** Role of the script as a JSON file. */
    public static final String ROLE = "script";

    private final Capabilities capabilities;

    public ScriptStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        Identity identity = Identity.of(context);
        ScriptWriting writer = capabilities.port(Capability.SCRIPT, ScriptWriting.class);
        List<Concept> seeds = identity.seedConcepts();
        int count = settings.sceneCount() == null ? 0 : settings.sceneCount();
        Script script = writer.write(new ScriptRequest(
                identity.name(),
                identity.facts(),
                context.inputs().prompt(),
                settings.script(),
                count,
                settings.durationS(),
                settings.language(),
                Seeds.of(context),
                seeds,
                identity.details()));
        List<Map<String, Object>> segments = new ArrayList<>();
        for (int i = 0; i < script.segments().size(); i++) {
            Segment segment = script.segments().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(ScriptOutputs.Segment.ORDER, i + 1);
            entry.put(ScriptOutputs.Segment.ROLE, segment.role());
            entry.put(ScriptOutputs.Segment.TEXT, segment.text());
            // the product's storyboard seeds, one per segment in turn: its shot idea and, with style auto, its look
            Concept seed = ScriptWriting.seedOf(seeds, i);
            if (seed != null) {
                entry.put("seed_concept", seed.title());
                entry.put(ScriptOutputs.Segment.SHOT, ScriptWriting.ideaOf(seeds, i));
                Style style = settings.style() != Style.AUTO ? settings.style() : seed.style();
                if (style != Style.AUTO) {
                    entry.put(ScriptOutputs.Segment.STYLE, style.wire());
                }
            }
            segments.add(entry);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, segments.size());
        outputs.put(ScriptOutputs.SUPPLIED, settings.script() != null);
        outputs.put(ScriptOutputs.SEGMENTS, segments);
        outputs.put(ScriptOutputs.FILE, OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }
}
