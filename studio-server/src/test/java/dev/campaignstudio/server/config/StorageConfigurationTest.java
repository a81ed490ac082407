package dev.campaignstudio.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Asset;
import dev.campaignstudio.core.asset.AssetId;
import dev.campaignstudio.core.asset.AssetKind;
import dev.campaignstudio.core.fixtures.InMemoryAssets;
import dev.campaignstudio.core.id.JobId;
import dev.campaignstudio.core.job.StepId;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.server.adapter.out.filesystem.FileSystemBlobStore;
import dev.campaignstudio.server.adapter.out.s3.S3BlobStore;
import dev.campaignstudio.server.storage.OrphanCollectorTask;
import dev.campaignstudio.server.storage.StorageProperties;
import dev.campaignstudio.server.storage.TempSweepTask;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which blob store a process gets, and what it refuses to start with. */
class StorageConfigurationTest {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({StudioProperties.class, StorageProperties.class})
    static class Properties {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** Asset records only (the fake is a blob store too, which would make two). */
        @Bean
        AssetRepository assets() {
            InMemoryAssets records = new InMemoryAssets();
            return new AssetRepository() {
                @Override
                public void insert(Asset asset, String owner) {
                    records.insert(asset, owner);
                }

                @Override
                public void insertProduced(Asset asset, JobId jobId, StepId stepId) {
                    records.insertProduced(asset, jobId, stepId);
                }

                @Override
                public Optional<Asset> find(AssetId id) {
                    return records.find(id);
                }

                @Override
                public Optional<Asset> find(AssetId id, String viewer) {
                    return records.find(id, viewer);
                }

                @Override
                public Optional<Asset> findByContent(String sha256, AssetKind kind, String owner) {
                    return records.findByContent(sha256, kind, owner);
                }

                @Override
                public Set<String> referencedBlobs(Collection<String> sha256s) {
                    return records.referencedBlobs(sha256s);
                }
            };
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, StorageConfiguration.class)
                .withPropertyValues("studio.data-dir=" + dataDir);
    }

    @Test
    void embeddedModeStoresFilesUnderTheDataDirectoryByDefault() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(FileSystemBlobStore.class);
            assertThat(context).hasSingleBean(DownloadLinks.class);
            assertThat(dataDir.resolve("download-link-secret")).exists();
            assertThat(context).as("every queue is served, maintenance too").hasSingleBean(OrphanCollectorTask.class);
        });
    }

    @Test
    void onlyTheMaintenanceRoleCollectsUnreferencedBlobs() {
        runner().withPropertyValues("studio.engine.queues=marketing,avatar").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OrphanCollectorTask.class);
            assertThat(context)
                    .as("each process sweeps its own temporary files")
                    .hasSingleBean(TempSweepTask.class);
        });
    }

    @Test
    void distributedModeRefusesToStartOnAnUnsharedFilesystemAndNamesTheSetting() {
        runner().withPropertyValues("studio.mode=distributed").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("studio.storage.filesystem.shared=true")
                    .hasMessageContaining("studio.storage.type=s3");
        });
    }

    @Test
    void distributedModeStartsOnAFilesystemTheOperatorSaysIsShared() {
        runner().withPropertyValues("studio.mode=distributed", "studio.storage.filesystem.shared=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(FileSystemBlobStore.class);
                });
    }

    @Test
    void s3StorageNeedsABucketAndThenUsesTheS3Store() {
        runner().withPropertyValues("studio.mode=distributed", "studio.storage.type=s3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("studio.storage.s3.bucket");
                });
        runner().withPropertyValues(
                        "studio.mode=distributed",
                        "studio.storage.type=s3",
                        "studio.storage.s3.bucket=assets",
                        "studio.storage.s3.endpoint=http://127.0.0.1:9",
                        "studio.storage.s3.path-style-access=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                    assertThat(context).hasSingleBean(DownloadLinks.class);
                    assertThat(dataDir.resolve("download-link-secret"))
                            .as("S3 storage signs no service links")
                            .doesNotExist();
                });
    }

    @Test
    void aGraceShorterThanAStepMayRunIsRefused() {
        runner().withPropertyValues("studio.storage.orphan-grace=5m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("studio.storage.orphan-grace");
        });
    }

    @Test
    void aTemporaryFileGraceShorterThanAStepMayRunIsRefused() {
        runner().withPropertyValues("studio.storage.temp-grace=10m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("studio.storage.temp-grace");
        });
    }

    @Test
    void aLinkLifetimeBeyondWhatS3PresignsIsRefused() {
        runner().withPropertyValues(
                        "studio.storage.type=s3", "studio.storage.s3.bucket=assets", "studio.storage.url-ttl=8d")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("studio.storage.url-ttl");
                });
    }
}
