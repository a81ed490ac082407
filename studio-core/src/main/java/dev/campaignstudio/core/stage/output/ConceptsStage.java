package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.SeedTurns;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.identity.StoryboardSeedsOutputs.Seed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code concepts} (image bundle): one concept per image, written for this campaign's prompt and grounded in the
 * product's storyboard seeds: each concept takes the scene ideas of a seed in turn, and the seed's style when the
 * job leaves the style to the writer.
 */
public final class ConceptsStage implements StageHandler {

    /** Role of the concepts as a JSON file. */
    public static final String ROLE = "concepts";

    private final Capabilities capabilities;

    public ConceptsStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        int count = settings.sceneCount();
        Identity identity = Identity.of(context);
        StoryboardWriting writer = capabilities.port(Capability.STORYBOARD, StoryboardWriting.class);
        List<Concept> written = writer.concepts(new ConceptRequest(
                identity.name(),
                identity.facts(),
                identity.pageFacts(),
                context.inputs().prompt(),
                count,
                Seeds.of(context)));
        List<Seed> seeds = identity.seeds();
        List<Map<String, Object>> concepts = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Concept concept = written.get(i);
            Seed seed = seeds.isEmpty() ? Seed.NONE : SeedTurns.seedOf(seeds, i);
            List<Object> ideas = new ArrayList<>(concept.sceneIdeas());
            if (!seed.sceneIdeas().isEmpty()) {
                ideas.add(SeedTurns.ideaOf(seed.sceneIdeas(), seeds.size(), i));
            }
            Style style = settings.style() != Style.AUTO ? settings.style() : seed.styleOr(concept.style());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(ConceptsOutputs.Concept.ORDER, i + 1);
            entry.put(ConceptsOutputs.Concept.TITLE, concept.title());
            entry.put(ConceptsOutputs.Concept.ANGLE, concept.angle());
            entry.put(ConceptsOutputs.Concept.HEADLINE, concept.hook());
            entry.put(ConceptsOutputs.Concept.SCENE_IDEAS, ideas);
            entry.put(ConceptsOutputs.Concept.STYLE, style.wire());
            entry.put(ConceptsOutputs.Concept.SEED_CONCEPT, seed.title());
            concepts.add(entry);
        }
        String file = OutputFiles.json(context, Map.of(ConceptsOutputs.CONCEPTS, concepts), ROLE);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, concepts.size());
        outputs.put(ConceptsOutputs.CONCEPTS, concepts);
        outputs.put(ConceptsOutputs.FILE, file);
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STORYBOARD));
    }
}
