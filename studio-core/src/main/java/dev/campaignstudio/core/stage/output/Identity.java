package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.identity.CharacterSheetStage;
import dev.campaignstudio.core.stage.identity.LinkMetadataStage;
import dev.campaignstudio.core.stage.identity.MetadataOutputs;
import dev.campaignstudio.core.stage.identity.NeutralImageOutputs;
import dev.campaignstudio.core.stage.identity.StoryboardSeedsOutputs;
import dev.campaignstudio.core.stage.identity.StoryboardSeedsOutputs.Seed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        return context.outputsOf(Stages.LINK_METADATA)
                .map(LinkMetadataStage::pageFacts)
                .orElse(Map.of());
    }

    /** The storyboard seeds' concepts. */
    List<Seed> seeds() {
        return context.outputsOf(Stages.STORYBOARD_SEEDS)
                .map(StoryboardSeedsOutputs::of)
                .map(StoryboardSeedsOutputs::concepts)
                .orElse(List.of());
    }

    /** The storyboard seeds as concepts, in order, for the writers that follow them. */
    List<Concept> seedConcepts() {
        List<Concept> concepts = new ArrayList<>();
        for (Seed seed : seeds()) {
            if (seed.title() != null && seed.hook() != null) {
                concepts.add(new Concept(
                        seed.title(),
                        String.valueOf(seed.angle()),
                        seed.hook(),
                        seed.sceneIdeas(),
                        seed.styleOr(Style.AUTO)));
            }
        }
        return concepts;
    }

    /**
     * What the metadata and the product page say, by name, for the writers: the metadata's {@code brand},
     * {@code category}, {@code description} and {@code colours}, then the page's {@code title}, {@code price} and
     * {@code currency} (and its brand and description where the metadata has none).
     */
    Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "brand", metadata.brand());
        put(details, "category", metadata.category());
        put(details, "description", metadata.description());
        put(details, "colours", metadata.colors().isEmpty() ? null : String.join(", ", metadata.colors()));
        pageFacts().forEach(details::putIfAbsent);
        return details;
    }

    private static void put(Map<String, String> details, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            details.put(name, value.toString().trim());
        }
    }

    /** The neutral cut-out as a file to hand to a capability. */
    MediaFile cutOut() throws IOException {
        return new MediaFile(neutralImage(), "image/png", null, null, null);
    }

    /** The neutral cut-out (PNG with transparency). */
    byte[] neutralImage() throws IOException {
        return context.read(NeutralImageOutputs.of(context).neutralImage());
    }

    /**
     * The character sheet (PNG), the product's second reference for image and video adapters (docs/identity.md), or
     * {@code null} when the job has none (a product made before sheets).
     */
    byte[] characterSheet() throws IOException {
        Object id = context.outputsOf(Stages.CHARACTER_SHEET)
                .map(o -> o.get(CharacterSheetStage.CHARACTER_SHEET))
                .orElse(null);
        return id instanceof String sheet ? context.read(sheet) : null;
    }
}
