package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.BriefRequest;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.StageOutputs;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code interpret_prompt} (UGC): who speaks, in what tone, where, and the opening hook. */
public final class InterpretPromptStage implements StageHandler {

    /** Role of the brief as a JSON file. */
    public static final String ROLE = "brief";
    /** Output key of who speaks. */
    static final String PERSONA = "persona";
    /** Output key of the tone. */
    static final String TONE = "tone";
    /** Output key of where. */
    static final String SETTING = "setting";
    /** Output key of the opening hook. */
    static final String HOOK = "hook";
    /** Output key of the brief's JSON file. */
    static final String FILE = "file";

    private final Capabilities capabilities;

    public InterpretPromptStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        Identity identity = Identity.of(context);
        ScriptWriting writer = capabilities.port(Capability.SCRIPT, ScriptWriting.class);
        Brief brief = writer.interpret(new BriefRequest(
                identity.name(),
                identity.facts(),
                context.inputs().prompt(),
                context.settings().orElseThrow().language(),
                Seeds.of(context)));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(PERSONA, brief.persona());
        outputs.put(TONE, brief.tone());
        outputs.put(SETTING, brief.setting());
        outputs.put(HOOK, brief.hook());
        outputs.put(FILE, OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }

    /** The brief an {@code interpret_prompt} step recorded. */
    static Brief brief(Map<String, Object> outputs) {
        return brief(StageOutputs.of(Stages.INTERPRET_PROMPT, outputs));
    }

    /** The brief the job's {@code interpret_prompt} step recorded; the step has finished. */
    static Brief brief(StepContext context) {
        return brief(StageOutputs.of(context, Stages.INTERPRET_PROMPT));
    }

    private static Brief brief(StageOutputs outputs) {
        return new Brief(outputs.text(PERSONA), outputs.text(TONE), outputs.text(SETTING), outputs.text(HOOK));
    }
}
