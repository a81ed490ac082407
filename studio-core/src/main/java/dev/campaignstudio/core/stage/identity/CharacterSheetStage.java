package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.ImageGeneration.SheetRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code character_sheet}: one reference image of the product's identity (the neutral cut-out large, the other views,
 * palette swatches with hex values, name and attributes) that every later image is held to.
 */
public final class CharacterSheetStage extends CheckpointedStage<Void> {

    /** Role of the sheet. */
    public static final String CHARACTER_SHEET = "character_sheet";
    /** Width of the sheet in pixels (16:9). */
    public static final int WIDTH = 1600;

    private final Capabilities capabilities;

    public CharacterSheetStage(Capabilities capabilities, CheckpointStore checkpoints) {
        super(checkpoints);
        this.capabilities = capabilities;
    }

    @Override
    protected Prepared<Void> prepare(StepContext context) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(Stages.NEUTRAL_IMAGE, revisionOf(context, Stages.NEUTRAL_IMAGE));
        inputs.put(Stages.METADATA, revisionOf(context, Stages.METADATA));
        inputs.put("width", WIDTH);
        inputs.put("image", capabilities.maker(Capability.IMAGE));
        return new Prepared<>(inputs, null);
    }

    @Override
    protected Produced produce(StepContext context, Void nothing) throws Exception {
        Map<String, Object> neutral = context.outputsOf(Stages.NEUTRAL_IMAGE).orElseThrow();
        Map<String, Object> metadata = context.outputsOf(Stages.METADATA).orElseThrow();
        String chosen = (String) neutral.get(NeutralImageStage.NEUTRAL_IMAGE);
        List<byte[]> cutOuts = new ArrayList<>();
        cutOuts.add(context.read(chosen));
        if (neutral.get("cutouts") instanceof List<?> all) {
            for (Object id : all) {
                if (!chosen.equals(id)) {
                    cutOuts.add(context.read(id.toString()));
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        label(attributes, "brand", metadata.get("brand"));
        label(attributes, "category", metadata.get("category"));
        if (metadata.get("colors") instanceof List<?> colours && !colours.isEmpty()) {
            attributes.put("colours", String.join(", ", colours.stream().map(String::valueOf).toList()));
        }
        if (metadata.get("keywords") instanceof List<?> words && !words.isEmpty()) {
            attributes.put("keywords", String.join(", ", words.stream().limit(6).map(String::valueOf).toList()));
        }
        label(attributes, "description", metadata.get("description"));
        ImageGeneration images = capabilities.port(Capability.IMAGE, ImageGeneration.class);
        MediaFile sheet = images.sheet(new SheetRequest(String.valueOf(metadata.get("name")), cutOuts,
                MetadataStage.facts(metadata).palette(), attributes, WIDTH));
        String id = context.store(sheet.data(), AssetKind.IMAGE, sheet.mediaType(), sheet.width(), sheet.height(), null, CHARACTER_SHEET)
                .asset().id().value();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(CHARACTER_SHEET, id);
        outputs.put("views", cutOuts.size());
        return new Produced(outputs, capabilities.adapter(Capability.IMAGE), true);
    }

    private static void label(Map<String, String> attributes, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            attributes.put(key, value.toString());
        }
    }
}
