package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.contract.OutputSettings;
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
 * {@code script} (script video): the supplied script cut into segments, or a script written from the prompt and the
 * product's metadata; each segment becomes one voiced scene.
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
        Script script = writer.write(new ScriptRequest(identity.name(), identity.facts(), context.inputs().prompt(), settings.script(),
                settings.sceneCount() == null ? 0 : settings.sceneCount(), settings.durationS(), settings.language(), Seeds.of(context)));
        List<Map<String, Object>> segments = new ArrayList<>();
        for (int i = 0; i < script.segments().size(); i++) {
            Segment segment = script.segments().get(i);
            segments.add(new ScriptOutputs.Segment(i + 1, segment.role(), segment.text()).toMap());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, segments.size());
        outputs.put(ScriptOutputs.SUPPLIED, settings.script() != null);
        outputs.put(ScriptOutputs.SEGMENTS, segments);
        outputs.put(ScriptOutputs.FILE, OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }
}
