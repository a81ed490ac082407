package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.SeedTurns;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
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
        Storyboard storyboard = writer.plan(new StoryboardRequest(
                identity.name(),
                identity.facts(),
                context.inputs().prompt(),
                settings.sceneCount(),
                scenesMs,
                settings.style(),
                Seeds.of(context),
                FastCut.BEAT_MS));
        List<Seed> seeds = identity.seeds();
        List<Map<String, Object>> scenes = new ArrayList<>();
        for (Scene scene : storyboard.scenes()) {
            int i = scene.order() - 1;
            // the product's storyboard seeds, one per scene in turn: its shot idea and, with style auto, its look
            Seed seed = seeds.isEmpty() ? Seed.NONE : SeedTurns.seedOf(seeds, i);
            String idea = SeedTurns.ideaOf(seed.sceneIdeas(), seeds.size(), i);
            String shot = idea != null ? idea : scene.shot();
            Style style = settings.style() != Style.AUTO ? scene.style() : seed.styleOr(scene.style());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(StoryboardOutputs.Scene.ORDER, scene.order());
            entry.put(StoryboardOutputs.Scene.START_MS, scene.startMs());
            entry.put(StoryboardOutputs.Scene.DURATION_MS, scene.durationMs());
            entry.put(StoryboardOutputs.Scene.SHOT, shot);
            entry.put(StoryboardOutputs.Scene.MOVE, scene.move().wire());
            entry.put(StoryboardOutputs.Scene.TEXT, scene.text());
            entry.put(StoryboardOutputs.Scene.STYLE, style.wire());
            if (seed.title() != null) {
                entry.put(StoryboardOutputs.Scene.SEED_CONCEPT, seed.title());
            }
            scenes.add(entry);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(JobPlanner.SCENE_COUNT, scenes.size());
        outputs.put("title", storyboard.title());
        outputs.put("bpm", FastCut.BPM);
        outputs.put("end_card_ms", FastCut.END_CARD_MS);
        outputs.put(StoryboardOutputs.SCENES, scenes);
        outputs.put("file", OutputFiles.json(context, outputs, ROLE));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STORYBOARD));
    }
}
