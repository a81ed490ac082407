package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code script_storyboard} (UGC): the spoken lines and the shots: the presenter talking, the product close up, the
 * presenter holding the product.
 */
public final class ScriptStoryboardStage implements StageHandler {

    /** Role of the script and shots as a JSON file. */
    public static final String ROLE = "ugc_script";

    private final Capabilities capabilities;

    public ScriptStoryboardStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        Identity identity = Identity.of(context);
        ScriptWriting writer = capabilities.port(Capability.SCRIPT, ScriptWriting.class);
        UgcScript script = writer.ugcScript(new UgcScriptRequest(identity.name(), identity.facts(),
                InterpretPromptStage.brief(context.outputsOf(Stages.INTERPRET_PROMPT).orElseThrow()), settings.sceneCount(), settings.durationS(),
                settings.language(), Seeds.of(context)));
        List<Map<String, Object>> shots = new ArrayList<>();
        for (Shot shot : script.shots()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order", shot.order());
            entry.put("kind", shot.kind().wire());
            entry.put("line", shot.line());
            entry.put("direction", shot.direction());
            shots.add(entry);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, shots.size());
        outputs.put("shots", shots);
        outputs.put("file", OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }
}
