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
        NeutralImageOutputs neutral = NeutralImageOutputs.of(context);
        MetadataOutputs metadata = MetadataOutputs.of(context);
        String chosen = neutral.neutralImage();
        List<byte[]> cutOuts = new ArrayList<>();
        cutOuts.add(context.read(chosen));
        for (String id : neutral.cutOuts()) {
            if (!chosen.equals(id)) {
                cutOuts.add(context.read(id));
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        label(attributes, "brand", metadata.brand());
        label(attributes, "category", metadata.category());
        if (!metadata.colors().isEmpty()) {
            attributes.put("colours", String.join(", ", metadata.colors()));
        }
        if (!metadata.facts().keywords().isEmpty()) {
            attributes.put(
                    "keywords",
                    String.join(
                            ", ", metadata.facts().keywords().stream().limit(6).toList()));
        }
        label(attributes, "description", metadata.description());
        ImageGeneration images = capabilities.port(Capability.IMAGE, ImageGeneration.class);
        MediaFile sheet = images.sheet(
                new SheetRequest(metadata.name(), cutOuts, metadata.facts().palette(), attributes, WIDTH));
        String id = context.store(
                        sheet.data(),
                        AssetKind.IMAGE,
                        sheet.mediaType(),
                        sheet.width(),
                        sheet.height(),
                        null,
                        CHARACTER_SHEET)
                .asset()
                .id()
                .value();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(CHARACTER_SHEET, id);
        outputs.put("views", cutOuts.size());
        return new Produced(outputs, capabilities.adapter(Capability.IMAGE), true);
    }

    private static void label(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
    }
}
