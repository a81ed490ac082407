package dev.campaignstudio.bench;

import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.PipelineDefinition;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.pipeline.RetryPolicy;
import dev.campaignstudio.core.pipeline.StageDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The engine benchmark's pipeline: {@code studio.bench.steps} once-per-job stages whose handlers do nothing, so what
 * is measured is the engine's own cost per step. Not a component: only the benchmark names it as a source.
 */
public class NoOpPipeline {

    @Bean
    @Primary
    PipelineRouter benchRouter(@Value("${studio.bench.steps:10}") int steps) {
        List<StageDefinition> stages = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            stages.add(StageDefinition.once(stage(i)).retrying(RetryPolicy.NONE));
        }
        return PipelineRouter.only(new PipelineDefinition("bench_noop", stages));
    }

    @Bean
    @Primary
    StageHandlers benchHandlers(@Value("${studio.bench.steps:10}") int steps) {
        Map<String, StageHandler> handlers = new LinkedHashMap<>();
        for (int i = 1; i <= steps; i++) {
            handlers.put(stage(i), context -> StepResult.outputs(Map.of()));
        }
        return new StageHandlers(handlers);
    }

    private static String stage(int i) {
        return String.format("noop_%02d", i);
    }
}
