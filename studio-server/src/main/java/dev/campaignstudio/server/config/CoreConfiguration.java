package dev.campaignstudio.server.config;

import dev.campaignstudio.core.application.AssetUploadService;
import dev.campaignstudio.core.application.CallbackCheck;
import dev.campaignstudio.core.application.ImageCheck;
import dev.campaignstudio.core.application.JobQueryService;
import dev.campaignstudio.core.application.JobSubmissionService;
import dev.campaignstudio.core.application.ProductQueryService;
import dev.campaignstudio.core.application.UploadLimits;
import dev.campaignstudio.core.capability.CapabilityRegistry;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.contract.JobRequestReader;
import dev.campaignstudio.core.engine.JobEngine;
import dev.campaignstudio.core.engine.RetryPlanner;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.ImageDecoder;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.OutboundGuard;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.core.port.out.Transactions;
import dev.campaignstudio.core.stage.StageTimeouts;
import dev.campaignstudio.server.adapter.out.imageio.ImageIoDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires core's services (plain Java) to the adapters. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CoreConfiguration.class);

    /** UTC clock at microsecond precision, the precision both databases keep. */
    @Bean
    Clock clock() {
        return new MicrosecondClock();
    }

    @Bean
    @ConditionalOnMissingBean
    PipelineRouter pipelineRouter(CapabilityRegistry registry, org.springframework.core.env.Environment environment) {
        PipelineRouter standard = PipelineRouter.standard();
        StageTimeouts.Resolved limits =
                StageTimeouts.resolve(standard.stages(), StageLimits.configured(environment), registry::deadline);
        limits.raised().forEach(line -> log.info(line));
        return standard.withTimeouts(limits.timeouts());
    }

    /** Reads job requests in the modes the router has pipelines for. */
    @Bean
    JobRequestReader jobRequestReader(PipelineRouter router) {
        return new JobRequestReader(router.modes());
    }

    @Bean
    ImageDecoder imageDecoder(StudioProperties properties) {
        return new ImageIoDecoder(stagingDirectory(properties));
    }

    /**
     * Where videos are encoded and read back for stitching, and uploads are staged: {@code <data-dir>/tmp}, swept of
     * what crashed writes left (docs/operations.md, "Local temporary files").
     */
    @Bean
    TempFiles tempFiles(StudioProperties properties) {
        return new TempFiles(stagingDirectory(properties));
    }

    /** Where uploads are written while they are checked: {@code <data-dir>/tmp}, owner-only. */
    static Path stagingDirectory(StudioProperties properties) {
        Path staging = properties.dataDir().resolve("tmp");
        try {
            Files.createDirectories(staging);
            OwnerOnly.restrict(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging directory " + staging, e);
        }
        return staging;
    }

    @Bean
    RetryPlanner retryPlanner(JobRepository jobs, PipelineRouter router) {
        return new RetryPlanner(jobs, router);
    }

    /** Checks product photos at submission: uploaded assets exist, URLs pass the outbound rules. */
    @Bean
    ImageCheck imageCheck(AssetRepository assets, OutboundGuard guard) {
        return new ImageCheck(assets, guard);
    }

    @Bean
    JobSubmissionService jobSubmissionService(
            JobRepository jobs,
            EventLog events,
            Transactions transactions,
            RetryPlanner retries,
            JobEngine engine,
            CallbackCheck callbackCheck,
            ImageCheck imageCheck,
            Clock clock) {
        return new JobSubmissionService(jobs, events, transactions, retries, engine, callbackCheck, imageCheck, clock);
    }

    @Bean
    AssetUploadService assetUploadService(
            AssetRepository assets, BlobStore blobs, ImageDecoder decoder, StudioProperties properties, Clock clock) {
        UploadLimits limits = new UploadLimits(
                properties.assets().maxBytes().toBytes(), properties.assets().maxPixels());
        return new AssetUploadService(assets, blobs, decoder, limits, clock, stagingDirectory(properties));
    }

    @Bean
    JobQueryService jobQueryService(
            JobRepository jobs,
            EventLog events,
            AssetRepository assets,
            BlobStore blobs,
            StepStore steps,
            PipelineRouter router,
            DownloadLinks links) {
        return new JobQueryService(jobs, events, assets, blobs, steps, router, links);
    }

    @Bean
    ProductQueryService productQueryService(CheckpointStore checkpoints) {
        return new ProductQueryService(checkpoints);
    }
}
