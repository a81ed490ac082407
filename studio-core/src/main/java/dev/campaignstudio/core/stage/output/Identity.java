package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.identity.LinkMetadataStage;
import dev.campaignstudio.core.stage.identity.MetadataOutputs;
import dev.campaignstudio.core.stage.identity.NeutralImageOutputs;
import dev.campaignstudio.core.stage.identity.StoryboardSeedsOutputs;
import dev.campaignstudio.core.stage.identity.StoryboardSeedsOutputs.Seed;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The product identity as an output stage reads it: from the identity stages this job ran or reused. */
final class Identity {

    private final StepContext context;
    private final MetadataOutputs metadata;

    private Identity(StepContext context) {
        this.context = context;
        this.metadata = MetadataOutputs.of(context);
    }

    static Identity of(StepContext context) {
        return new Identity(context);
    }

    String name() {
        return metadata.name();
    }

    ProductFacts facts() {
        return metadata.facts();
    }

    List<String> palette() {
        return metadata.hexes();
    }

    /** Facts from the product page, possibly empty. */
    Map<String, String> pageFacts() {
        return context.outputsOf(Stages.LINK_METADATA).map(LinkMetadataStage::pageFacts).orElse(Map.of());
    }

    /** The storyboard seeds' concepts. */
    List<Seed> seeds() {
        return context.outputsOf(Stages.STORYBOARD_SEEDS).map(StoryboardSeedsOutputs::of)
                .map(StoryboardSeedsOutputs::concepts).orElse(List.of());
    }

    /** The neutral cut-out as a file to hand to a capability. */
    MediaFile cutOut() throws IOException {
        return new MediaFile(neutralImage(), "image/png", null, null, null);
    }

    /** The neutral cut-out (PNG with transparency). */
    byte[] neutralImage() throws IOException {
        return context.read(NeutralImageOutputs.of(context).neutralImage());
    }
}
