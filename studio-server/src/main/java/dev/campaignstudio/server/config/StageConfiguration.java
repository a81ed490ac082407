package dev.campaignstudio.server.config;

import dev.campaignstudio.core.application.ImageValidator;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.port.out.ImageDecoder;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.SourceImages;
import dev.campaignstudio.core.stage.identity.IdentityStages;
import dev.campaignstudio.core.stage.output.OutputStages;
import dev.campaignstudio.server.engine.DatabaseOutages;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stage handlers of the built-in pipelines (identity and outputs), over the capability ports configuration binds. */
@Configuration(proxyBeanMethods = false)
public class StageConfiguration {

    @Bean
    Capabilities capabilities(CapabilityRegistry registry) {
        return new Capabilities(registry);
    }

    @Bean
    SourceImages sourceImages(
            AssetRepository assets,
            BlobStore blobs,
            WebFetcher web,
            ImageDecoder decoder,
            StudioProperties studio,
            StageProperties stages) {
        return new SourceImages(
                assets,
                blobs,
                web,
                new ImageValidator(decoder, studio.assets().maxPixels()),
                studio.assets().maxBytes().toBytes(),
                stages.fetchTimeout());
    }

    @Bean
    RenderSettings renderSettings(StageProperties stages) {
        return stages.render();
    }

    @Bean
    StageHandlers stageHandlers(
            Capabilities capabilities,
            SourceImages sources,
            CheckpointStore checkpoints,
            StageProperties stages,
            RenderSettings render,
            FidelityProperties fidelity) {
        Map<String, StageHandler> handlers =
                new HashMap<>(IdentityStages.handlers(capabilities, sources, checkpoints, stages.linkMaxAge()));
        handlers.putAll(OutputStages.handlers(capabilities, render, fidelity.resolved()));
        handlers.replaceAll((stage, handler) -> DatabaseOutages.retryable(stage, handler));
        return new StageHandlers(handlers);
    }
}
