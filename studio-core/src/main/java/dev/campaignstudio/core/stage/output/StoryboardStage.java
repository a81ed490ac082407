package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.JobPlanner;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.id.WireEnum;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code storyboard} (fast video): the cut timing for the requested length, a camera move and on-screen text per scene,
 * each scene taking the shot idea (and, with style auto, the look) of the product's storyboard seeds in turn.
 * Cuts fall on the beat of the music bed ({@link FastCut#BPM}); the end card with the product's name takes the last
 * {@link FastCut#END_CARD_MS}, so scenes and card together last exactly the requested duration.
 */
public final class StoryboardStage implements StageHandler {

    /** Role of the storyboard as a JSON file. */
    public static final String ROLE = "storyboard";

    private final Capabilities capabilities;

    public StoryboardStage(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        Identity identity = Identity.of(context);
        long scenesMs = settings.durationS() * 1000L - FastCut.END_CARD_MS;
        StoryboardWriting writer = capabilities.port(Capability.STORYBOARD, StoryboardWriting.class);
        Storyboard storyboard = writer.plan(new StoryboardRequest(identity.name(), identity.facts(), context.inputs().prompt(),
                settings.sceneCount(), scenesMs, settings.style(), Seeds.of(context), FastCut.BEAT_MS));
        List<?> seeds = identity.seeds();
        List<Map<String, Object>> scenes = new ArrayList<>();
        for (Scene scene : storyboard.scenes()) {
            int i = scene.order() - 1;
            // the product's storyboard seeds, one per scene in turn: its shot idea and, with style auto, its look
            Map<?, ?> seed = seeds.isEmpty() ? Map.of() : (Map<?, ?>) seeds.get(i % seeds.size());
            String shot = seed.get("scene_ideas") instanceof List<?> ideas && !ideas.isEmpty()
                    ? String.valueOf(ideas.get(i / seeds.size() % ideas.size())) : scene.shot();
            Style style = settings.style() != Style.AUTO ? scene.style()
                    : WireEnum.parse(Style.class, String.valueOf(seed.get("style"))).filter(s -> s != Style.AUTO)
                            .orElse(scene.style());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order", scene.order());
            entry.put("start_ms", scene.startMs());
            entry.put("duration_ms", scene.durationMs());
            entry.put("shot", shot);
            entry.put("move", scene.move().wire());
            entry.put("text", scene.text());
            entry.put("style", style.wire());
            if (seed.get("title") != null) {
                entry.put("seed_concept", seed.get("title"));
            }
            scenes.add(entry);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, scenes.size());
        outputs.put("title", storyboard.title());
        outputs.put("bpm", FastCut.BPM);
        outputs.put("end_card_ms", FastCut.END_CARD_MS);
        outputs.put("scenes", scenes);
        outputs.put("file", OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STORYBOARD));
    }
}
