package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.id.WireEnum;
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
        List<Concept> written = writer.concepts(new ConceptRequest(identity.name(), identity.facts(), identity.pageFacts(),
                context.inputs().prompt(), count, Seeds.of(context)));
        List<?> seeds = identity.seeds();
        List<Map<String, Object>> concepts = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Concept concept = written.get(i);
            Map<?, ?> seed = seeds.isEmpty() ? Map.of() : (Map<?, ?>) seeds.get(i % seeds.size());
            List<Object> ideas = new ArrayList<>(concept.sceneIdeas());
            if (seed.get("scene_ideas") instanceof List<?> seedIdeas && !seedIdeas.isEmpty()) {
                ideas.add(seedIdeas.get(i / Math.max(1, seeds.size()) % seedIdeas.size()));
            }
            Style style = settings.style() != Style.AUTO ? settings.style()
                    : WireEnum.parse(Style.class, String.valueOf(seed.get("style"))).filter(s -> s != Style.AUTO).orElse(concept.style());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order", i + 1);
            entry.put("title", concept.title());
            entry.put("angle", concept.angle());
            entry.put("headline", concept.hook());
            entry.put("scene_ideas", ideas);
            entry.put("style", style.wire());
            entry.put("seed_concept", seed.get("title"));
            concepts.add(entry);
        }
        String file = OutputFiles.json(context, Map.of("concepts", concepts), ROLE);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, concepts.size());
        outputs.put("concepts", concepts);
        outputs.put("file", file);
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STORYBOARD));
    }
}
