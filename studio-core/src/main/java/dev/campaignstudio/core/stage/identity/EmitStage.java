package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.engine.Manifests;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.CheckpointedStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code emit}: gathers the product identity (neutral image, character sheet, metadata, page facts, storyboard seeds)
 * into one output, with the files' URLs, so that the {@code completed} event carries it as the manifest's
 * {@code result}. Lists the neutral image and the sheet as the job's output files. Calls no capability.
 */
public final class EmitStage implements StageHandler {

    @Override
    public StepResult execute(StepContext context) {
        NeutralImageOutputs neutral = NeutralImageOutputs.of(context);
        Map<String, Object> metadata = context.outputsOf(Stages.METADATA).orElseThrow();
        Map<String, Object> sheet = context.outputsOf(Stages.CHARACTER_SHEET).orElseThrow();
        Optional<Map<String, Object>> page = context.outputsOf(Stages.LINK_METADATA);
        Map<String, Object> seeds = context.outputsOf(Stages.STORYBOARD_SEEDS).orElseThrow();

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("product_id", context.inputs().product().productId());
        identity.put("neutral_image", file(context, neutral.neutralImage(), NeutralImageStage.NEUTRAL_IMAGE));
        identity.put("neutral_image_reason", neutral.reason());
        identity.put(
                "character_sheet",
                file(
                        context,
                        (String) sheet.get(CharacterSheetStage.CHARACTER_SHEET),
                        CharacterSheetStage.CHARACTER_SHEET));
        identity.put("metadata", withoutBookkeeping(metadata));
        identity.put("link_facts", page.map(EmitStage::withoutBookkeeping).orElse(null));
        identity.put("storyboard_seeds", seeds.getOrDefault(StoryboardSeedsOutputs.CONCEPTS, List.of()));
        return StepResult.outputs(Map.of("identity", identity));
    }

    private static Map<String, Object> file(StepContext context, String assetId, String role) {
        context.attach(assetId, role);
        return context.asset(assetId)
                .map(a -> Manifests.describe(a, role, null))
                .orElseGet(() -> {
                    Map<String, Object> missing = new LinkedHashMap<>();
                    missing.put("asset_id", assetId);
                    missing.put("role", role);
                    return missing;
                });
    }

    private static Map<String, Object> withoutBookkeeping(Map<String, Object> outputs) {
        Map<String, Object> copy = new LinkedHashMap<>(outputs);
        copy.remove(CheckpointedStage.FINGERPRINT);
        copy.remove(CheckpointedStage.REVISION);
        return copy;
    }
}
