package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
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
 * {@code script_storyboard} (UGC): the spoken lines and the shots: the presenter talking, the product close up, the
 * presenter holding the product, each shot following one of the product's storyboard seeds in turn
 * ({@code seed_concept}), with its metadata and page facts. {@link #VARIANTS} scripts are written (v1, v2, v3, each
 * its own seed), scored by {@link UgcScriptScore}, and the best is the video's ({@code selected}); the others are kept
 * as files of the step (role {@code ugc_script_variant}) and listed with their scores under {@code variants}.
 */
public final class ScriptStoryboardStage implements StageHandler {

    /** Role of the script and shots as a JSON file. */
    public static final String ROLE = "ugc_script";
    /** Role of each variant not chosen, as a JSON file. */
    public static final String VARIANT = "ugc_script_variant";
    /** Scripts written per job, the best of which the video uses. */
    static final int VARIANTS = 3;

    private final Capabilities capabilities;

    public ScriptStoryboardStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        Identity identity = Identity.of(context);
        ScriptWriting writer = capabilities.port(Capability.SCRIPT, ScriptWriting.class);
        List<Map<String, Object>> variants = new ArrayList<>();
        UgcScript best = null;
        UgcScriptScore bestScore = null;
        int bestIndex = 0;
        List<Concept> seeds = identity.seedConcepts();
        Map<String, String> details = identity.details();
        for (int v = 0; v < VARIANTS; v++) {
            context.cancellation().throwIfCancelled();
            UgcScript script = writer.ugcScript(new UgcScriptRequest(
                    identity.name(),
                    identity.facts(),
                    InterpretPromptStage.brief(context),
                    settings.sceneCount(),
                    settings.durationS(),
                    settings.language(),
                    Seeds.of(context) + v,
                    seeds,
                    details));
            UgcScriptScore score = UgcScriptScore.of(script, identity.name(), settings.durationS());
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("variant", "v" + (v + 1));
            variant.put("score", score.score());
            variant.put("parts", score.parts());
            variant.put("shots", shots(script, seeds));
            variants.add(variant);
            if (bestScore == null || score.score() > bestScore.score()) {
                best = script;
                bestScore = score;
                bestIndex = v;
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            Map<String, Object> variant = variants.get(v);
            variant.put("selected", v == bestIndex);
            if (v != bestIndex) {
                variant.put("file", OutputFiles.json(context, variant, VARIANT));
            }
            variant.remove("shots");
        }
        List<Map<String, Object>> shots = shots(best, seeds);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, shots.size());
        outputs.put(UgcScriptOutputs.SHOTS, shots);
        outputs.put(UgcScriptOutputs.SELECTED, "v" + (bestIndex + 1));
        outputs.put(UgcScriptOutputs.SCORE, bestScore.score());
        outputs.put(UgcScriptOutputs.FILE, OutputFiles.json(context, outputs, ROLE));
        outputs.put(UgcScriptOutputs.VARIANTS, variants);
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.SCRIPT));
    }

    private static List<Map<String, Object>> shots(UgcScript script, List<Concept> seeds) {
        List<Map<String, Object>> shots = new ArrayList<>();
        for (Shot shot : script.shots()) {
            Concept seed = ScriptWriting.seedOf(seeds, shot.order() - 1);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(UgcScriptOutputs.Shot.ORDER, shot.order());
            entry.put(UgcScriptOutputs.Shot.KIND, shot.kind().wire());
            entry.put(UgcScriptOutputs.Shot.LINE, shot.line());
            entry.put(UgcScriptOutputs.Shot.DIRECTION, shot.direction());
            if (seed != null) {
                entry.put("seed_concept", seed.title());
            }
            shots.add(entry);
        }
        return shots;
    }
}
