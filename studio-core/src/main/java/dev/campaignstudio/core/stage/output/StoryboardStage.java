package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.contract.OutputSettings;
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
 * {@code storyboard} (fast video): the cut timing for the requested length, a camera move and on-screen text per scene.
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
        List<Map<String, Object>> scenes = new ArrayList<>();
        for (Scene scene : storyboard.scenes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order", scene.order());
            entry.put("start_ms", scene.startMs());
            entry.put("duration_ms", scene.durationMs());
            entry.put("shot", scene.shot());
            entry.put("move", scene.move().wire());
            entry.put("text", scene.text());
            entry.put("style", scene.style().wire());
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
