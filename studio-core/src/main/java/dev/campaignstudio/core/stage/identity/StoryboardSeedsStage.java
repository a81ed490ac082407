package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.CheckpointedStage;
import dev.campaignstudio.core.stage.Seeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code storyboard_seeds}: campaign concepts (title, angle, hook, scene ideas, style) from the product's metadata and
 * its page's facts, that later outputs start from: four, or five when the page gave facts to work with.
 *
 * <p>Like every identity stage it reads the product only, never an output job's prompt: the identity is kept apart
 * from campaign-specific instructions (docs/identity.md), so every output of a product shares one set of seeds and
 * reuses it, and each output's own prompt steers that output's own stages.
 */
public final class StoryboardSeedsStage extends CheckpointedStage<Map<String, String>> {

    private final Capabilities capabilities;

    public StoryboardSeedsStage(Capabilities capabilities, CheckpointStore checkpoints) {
        super(checkpoints);
        this.capabilities = capabilities;
    }

    @Override
    protected Prepared<Map<String, String>> prepare(StepContext context) {
        Map<String, String> pageFacts = context.outputsOf(Stages.LINK_METADATA)
                .map(LinkMetadataStage::pageFacts)
                .orElse(Map.of());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(Stages.METADATA, revisionOf(context, Stages.METADATA));
        inputs.put("page_facts", pageFacts);
        inputs.put("storyboard", capabilities.maker(Capability.STORYBOARD));
        return new Prepared<>(inputs, pageFacts);
    }

    @Override
    protected Produced produce(StepContext context, Map<String, String> pageFacts) throws Exception {
        MetadataOutputs metadata = MetadataOutputs.of(context);
        int count = pageFacts.isEmpty() ? 4 : 5;
        StoryboardWriting writer = capabilities.port(Capability.STORYBOARD, StoryboardWriting.class);
        List<Concept> concepts = writer.concepts(new ConceptRequest(
                metadata.name(),
                metadata.facts(),
                pageFacts,
                null,
                count,
                Seeds.of(context.inputs().product().productId())));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(
                StoryboardSeedsOutputs.CONCEPTS,
                concepts.stream().map(StoryboardSeedsStage::concept).toList());
        return new Produced(outputs, capabilities.adapter(Capability.STORYBOARD), true);
    }

    private static Map<String, Object> concept(Concept concept) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(StoryboardSeedsOutputs.TITLE, concept.title());
        entry.put(StoryboardSeedsOutputs.ANGLE, concept.angle());
        entry.put(StoryboardSeedsOutputs.HOOK, concept.hook());
        entry.put(StoryboardSeedsOutputs.SCENE_IDEAS, concept.sceneIdeas());
        entry.put(StoryboardSeedsOutputs.STYLE, concept.style().wire());
        return entry;
    }
}
