package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.identity.CharacterSheetStage;
import dev.campaignstudio.core.stage.identity.LinkMetadataStage;
import dev.campaignstudio.core.stage.identity.MetadataStage;
import dev.campaignstudio.core.stage.identity.NeutralImageStage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The product identity as an output stage reads it: from the identity stages this job ran or reused. */
final class Identity {

    private final StepContext context;
    private final Map<String, Object> metadata;

    private Identity(StepContext context) {
        this.context = context;
        this.metadata = context.outputsOf(Stages.METADATA).orElseThrow(() -> new IllegalStateException("the job has no metadata"));
    }

    static Identity of(StepContext context) {
        return new Identity(context);
    }

    String name() {
        return String.valueOf(metadata.get("name"));
    }

    ProductFacts facts() {
        return MetadataStage.facts(metadata);
    }

    List<String> palette() {
        return MetadataStage.hexes(metadata);
    }

    /** Facts from the product page, possibly empty. */
    Map<String, String> pageFacts() {
        return context.outputsOf(Stages.LINK_METADATA).map(LinkMetadataStage::pageFacts).orElse(Map.of());
    }

    /** The storyboard seeds' concepts. */
    List<?> seeds() {
        return context.outputsOf(Stages.STORYBOARD_SEEDS).map(o -> o.get("concepts")).filter(List.class::isInstance)
                .map(List.class::cast).orElse(List.of());
    }

    /** The storyboard seeds as concepts, in order, for the writers that follow them. */
    List<Concept> seedConcepts() {
        List<Concept> concepts = new ArrayList<>();
        for (Object item : seeds()) {
            if (item instanceof Map<?, ?> seed && seed.get("title") != null && seed.get("hook") != null) {
                List<String> ideas = seed.get("scene_ideas") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : List.of();
                Style style = WireEnum.parse(Style.class, String.valueOf(seed.get("style"))).orElse(Style.AUTO);
                concepts.add(new Concept(String.valueOf(seed.get("title")), String.valueOf(seed.get("angle")),
                        String.valueOf(seed.get("hook")), ideas, style));
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
        put(details, "brand", metadata.get("brand"));
        put(details, "category", metadata.get("category"));
        put(details, "description", metadata.get("description"));
        Object colours = metadata.get("colors");
        put(details, "colours", colours instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf)
                .toList()) : colours);
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
        String id = (String) context.outputsOf(Stages.NEUTRAL_IMAGE).orElseThrow().get(NeutralImageStage.NEUTRAL_IMAGE);
        return context.read(id);
    }

    /**
     * The character sheet (PNG), the product's second reference for image and video adapters (docs/identity.md), or
     * {@code null} when the job has none (a product made before sheets).
     */
    byte[] characterSheet() throws IOException {
        Object id = context.outputsOf(Stages.CHARACTER_SHEET).map(o -> o.get(CharacterSheetStage.CHARACTER_SHEET))
                .orElse(null);
        return id instanceof String sheet ? context.read(sheet) : null;
    }
}
