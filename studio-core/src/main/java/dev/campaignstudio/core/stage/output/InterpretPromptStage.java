package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.BriefRequest;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code interpret_prompt} (UGC): who speaks, in what tone, where, and the opening hook. */
public final class InterpretPromptStage implements StageHandler {

    /** Role of the brief as a JSON file. */
    public static final String ROLE = "brief";

    private final Capabilities capabilities;

    public InterpretPromptStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        Identity identity = Identity.of(context);
        ScriptWriting writer = capabilities.port(Capability.SCRIPT, ScriptWriting.class);
        Brief brief = writer.interpret(new BriefRequest(identity.name(), identity.facts(), context.inputs().prompt(),
                context.settings().orElseThrow().language(), Seeds.of(context)));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("persona", brief.persona());
        outputs.put("tone", brief.tone());
        outputs.put("setting", brief.setting());
        outputs.put("hook", brief.hook());
        outputs.put("file", OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }

    /** The brief an {@code interpret_prompt} step recorded. */
    static Brief brief(Map<String, Object> outputs) {
        return new Brief(String.valueOf(outputs.get("persona")), String.valueOf(outputs.get("tone")), String.valueOf(outputs.get("setting")),
                String.valueOf(outputs.get("hook")));
    }
}
