package dev.campaignstudio.server.config;

import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.engine.EngineSettings;
import dev.campaignstudio.core.engine.JobEngine;
import dev.campaignstudio.core.engine.RetryPlanner;
import dev.campaignstudio.core.engine.StageHandlers;
import dev.campaignstudio.core.engine.StepRunner;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.pipeline.PipelineRouter;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.CheckpointStore;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.core.port.out.EventLog;
import dev.campaignstudio.core.port.out.JobRepository;
import dev.campaignstudio.core.port.out.StepStore;
import dev.campaignstudio.core.port.out.Transactions;
import dev.campaignstudio.server.adapter.out.inprocess.InProcessTransport;
import dev.campaignstudio.server.engine.DispatchOutbox;
import dev.campaignstudio.server.engine.DispatchRelay;
import dev.campaignstudio.server.engine.DispatchSignal;
import dev.campaignstudio.server.engine.EmbeddedIncarnation;
import dev.campaignstudio.server.engine.EngineProperties;
import dev.campaignstudio.server.engine.StepShutdown;
import dev.campaignstudio.server.engine.Sweeper;
import dev.campaignstudio.server.engine.WorkTransport;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step engine: planner, runner, dispatch relay, maintenance sweep, and in embedded mode the in-process queues. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    DispatchSignal dispatchSignal() {
        return new DispatchSignal();
    }

    @Bean
    JobEngine jobEngine(
            JobRepository jobs,
            StepStore steps,
            EventLog events,
            AssetRepository assets,
            Transactions transactions,
            PipelineRouter router,
            RetryPlanner retries,
            Clock clock,
            DownloadLinks links) {
        return new JobEngine(
                jobs,
                steps,
                events,
                assets,
                transactions,
                router,
                retries,
                clock,
                () -> ThreadLocalRandom.current().nextDouble(),
                links);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService engineHeartbeats() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "step-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    EngineSettings engineSettings(EngineProperties properties) {
        Set<WorkQueue> takesNext = EnumSet.of(WorkQueue.MARKETING, WorkQueue.AVATAR, WorkQueue.RETRY);
        takesNext.retainAll(properties.servedQueues());
        return new EngineSettings(
                properties.lease(), properties.heartbeat(), properties.redispatchAfter(), workerId(), takesNext);
    }

    @Bean
    StepRunner stepRunner(
            JobEngine engine,
            JobRepository jobs,
            StepStore steps,
            AssetRepository assets,
            CheckpointStore checkpoints,
            BlobStore blobs,
            Transactions transactions,
            StageHandlers handlers,
            EngineSettings settings,
            ScheduledExecutorService engineHeartbeats,
            Clock clock,
            TempFiles temp) {
        return new StepRunner(
                engine,
                jobs,
                steps,
                assets,
                checkpoints,
                blobs,
                transactions,
                handlers,
                settings,
                engineHeartbeats,
                clock,
                temp);
    }

    @Bean
    StepShutdown stepShutdown(StepRunner runner) {
        return new StepShutdown(runner, Duration.ofSeconds(10));
    }

    /** In embedded mode, this process's hold on the data directory, and the worker id of the process before it. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "studio.mode", havingValue = "embedded", matchIfMissing = true)
    EmbeddedIncarnation embeddedIncarnation(StudioProperties studio, EngineSettings settings) {
        return EmbeddedIncarnation.take(studio.dataDir(), settings.workerId());
    }

    @Bean
    @ConditionalOnProperty(name = "studio.mode", havingValue = "embedded", matchIfMissing = true)
    InProcessTransport workTransport(EngineProperties properties, StepRunner runner) {
        return new InProcessTransport(properties, runner);
    }

    @Bean
    DispatchRelay dispatchRelay(
            DispatchOutbox outbox,
            WorkTransport transport,
            DispatchSignal signal,
            EngineProperties properties,
            Clock clock) {
        return new DispatchRelay(outbox, transport, signal, properties.relayInterval(), clock);
    }

    @Bean
    @ConditionalOnServedQueue(WorkQueue.MAINTENANCE)
    Sweeper sweeper(
            JobEngine engine,
            EngineProperties properties,
            StudioProperties studio,
            ObjectProvider<EmbeddedIncarnation> incarnation) {
        EmbeddedIncarnation embedded = incarnation.getIfAvailable();
        String gone = embedded == null ? null : embedded.previous().orElse(null);
        return new Sweeper(
                engine,
                properties.sweepInterval(),
                properties.redispatchAfter(),
                studio.mode() == StudioMode.EMBEDDED,
                gone);
    }

    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + HexFormat.of().formatHex(random);
    }
}
