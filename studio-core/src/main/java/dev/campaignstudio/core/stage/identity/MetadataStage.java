package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ProductAnalysis.AnalysisRequest;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.contract.ProductAttributes;
import dev.campaignstudio.core.contract.ProductSnapshot;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metadata}: what the product is and looks like, from the neutral cut-out and what the client said: palette,
 * brightness, aspect, category (the client's, else a guess) and keywords. Later stages read these, never the photos.
 */
public final class MetadataStage extends CheckpointedStage<String> {

    private final Capabilities capabilities;

    public MetadataStage(Capabilities capabilities, CheckpointStore checkpoints) {
        super(checkpoints);
        this.capabilities = capabilities;
    }

    @Override
    protected Prepared<String> prepare(StepContext context) {
        ProductSnapshot product = context.inputs().product();
        NeutralImageOutputs neutral = NeutralImageOutputs.of(context);
        Map<String, Object> inputs = new LinkedHashMap<>();
        // what the cut-out was made from (the photos, the cut-out adapter), not which cut-out: a redone cut-out of the
        // same
        // photos keeps the product's description, as a retry of neutral_image does (docs/retries.md)
        inputs.put(
                Stages.NEUTRAL_IMAGE,
                context.outputsOf(Stages.NEUTRAL_IMAGE)
                        .map(o -> o.get(FINGERPRINT))
                        .map(Object::toString)
                        .orElse(null));
        inputs.put("name", product.name());
        inputs.put("attributes", attributes(product.attributes()));
        inputs.put("product_analysis", capabilities.maker(Capability.PRODUCT_ANALYSIS));
        return new Prepared<>(inputs, neutral.neutralImage());
    }

    @Override
    protected Produced produce(StepContext context, String neutralImage) throws Exception {
        ProductSnapshot product = context.inputs().product();
        ProductAnalysis analysis = capabilities.port(Capability.PRODUCT_ANALYSIS, ProductAnalysis.class);
        ProductFacts facts = analysis.analyze(new AnalysisRequest(
                context.read(neutralImage), product.name(), attributes(product.attributes()), null));
        ProductAttributes given = product.attributes();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(MetadataOutputs.NAME, product.name());
        outputs.put(MetadataOutputs.BRAND, given.brand());
        outputs.put(MetadataOutputs.CATEGORY, given.category() == null ? facts.category() : given.category());
        outputs.put(MetadataOutputs.CATEGORY_GUESS, facts.category());
        outputs.put(MetadataOutputs.DESCRIPTION, given.description());
        outputs.put(MetadataOutputs.COLORS, given.colors());
        outputs.put(
                MetadataOutputs.PALETTE,
                facts.palette().stream().map(MetadataStage::colour).toList());
        outputs.put(MetadataOutputs.BRIGHTNESS, Math.round(facts.brightness() * 10) / 10.0);
        outputs.put(MetadataOutputs.ASPECT, Math.round(facts.aspect() * 1000) / 1000.0);
        outputs.put(MetadataOutputs.KEYWORDS, facts.keywords());
        return new Produced(outputs, capabilities.adapter(Capability.PRODUCT_ANALYSIS), true);
    }

    private static Map<String, Object> colour(PaletteColor colour) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(MetadataOutputs.HEX, colour.hex());
        entry.put(MetadataOutputs.SHARE, Math.round(colour.share() * 1000) / 1000.0);
        entry.put(MetadataOutputs.L, Math.round(colour.l() * 100) / 100.0);
        entry.put(MetadataOutputs.A, Math.round(colour.a() * 100) / 100.0);
        entry.put(MetadataOutputs.B, Math.round(colour.b() * 100) / 100.0);
        return entry;
    }

    static Map<String, Object> attributes(ProductAttributes attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (attributes.brand() != null) {
            map.put("brand", attributes.brand());
        }
        if (attributes.category() != null) {
            map.put("category", attributes.category());
        }
        if (!attributes.colors().isEmpty()) {
            map.put("colors", attributes.colors());
        }
        if (attributes.description() != null) {
            map.put("description", attributes.description());
        }
        return map;
    }
}
