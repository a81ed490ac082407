package dev.campaignstudio.core.stage.identity;

import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.SourceImages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The handlers of the identity stages that open every pipeline, and of {@code emit}, which ends the creation pipeline. */
public final class IdentityStages {

    private IdentityStages() {}

    /**
     * @param capabilities the bound capability ports
     * @param sources      loads product photos
     * @param checkpoints  product checkpoints
     * @param linkMaxAge   how long facts read from a product page are reused
     * @return handler by stage name
     */
    public static Map<String, StageHandler> handlers(
            Capabilities capabilities, SourceImages sources, CheckpointStore checkpoints, Duration linkMaxAge) {
        Map<String, StageHandler> handlers = new LinkedHashMap<>();
        handlers.put(Stages.NEUTRAL_IMAGE, new NeutralImageStage(capabilities, sources, checkpoints));
        handlers.put(Stages.METADATA, new MetadataStage(capabilities, checkpoints));
        handlers.put(Stages.CHARACTER_SHEET, new CharacterSheetStage(capabilities, checkpoints));
        handlers.put(Stages.LINK_METADATA, new LinkMetadataStage(capabilities, checkpoints, linkMaxAge));
        handlers.put(Stages.STORYBOARD_SEEDS, new StoryboardSeedsStage(capabilities, checkpoints));
        handlers.put(Stages.EMIT, new EmitStage());
        return handlers;
    }
}
