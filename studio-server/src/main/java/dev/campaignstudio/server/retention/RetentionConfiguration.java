package dev.campaignstudio.server.retention;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.server.config.ConditionalOnServedQueue;
import dev.campaignstudio.server.storage.StorageProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention on the maintenance role (docs/operations.md, "Retention and deletion"). */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    @ConditionalOnServedQueue(WorkQueue.MAINTENANCE)
    RetentionTask retentionTask(
            RetentionStore store,
            BlobStore blobs,
            AssetRepository assets,
            StorageProperties storage,
            RetentionProperties ages,
            Clock clock) {
        return new RetentionTask(
                store, new OrphanBlobCollector(blobs, assets, storage.orphanGrace(), clock), ages, clock);
    }
}
