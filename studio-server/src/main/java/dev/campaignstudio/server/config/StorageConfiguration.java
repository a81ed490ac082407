package dev.campaignstudio.server.config;

import dev.campaignstudio.core.application.OrphanBlobCollector;
import dev.campaignstudio.core.application.TempFileSweeper;
import dev.campaignstudio.core.job.WorkQueue;
import dev.campaignstudio.core.port.out.AssetRepository;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.DownloadLinks;
import dev.campaignstudio.server.adapter.out.filesystem.FileSystemBlobStore;
import dev.campaignstudio.server.adapter.out.s3.S3BlobStore;
import dev.campaignstudio.server.adapter.out.s3.S3Clients;
import dev.campaignstudio.server.adapter.out.s3.S3DownloadLinks;
import dev.campaignstudio.server.adapter.out.s3.S3Settings;
import dev.campaignstudio.server.storage.OrphanCollectorTask;
import dev.campaignstudio.server.storage.SignedAssetUrls;
import dev.campaignstudio.server.storage.StorageProperties;
import dev.campaignstudio.server.storage.TempSweepTask;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where asset bytes live, chosen by {@code studio.storage.type}: the filesystem (default) or an S3-compatible bucket;
 * and the download links outputs carry: HMAC-signed service URLs, or S3 presigned GETs. Distributed mode refuses the
 * filesystem unless the operator says every process mounts the same data directory.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    /** File name of the generated link-signing secret inside the data directory (filesystem storage). */
    static final String SIGNING_SECRET_FILE = "download-link-secret";

    /**
     * The service's signed links: made where filesystem storage is used, verified by {@code GET /v1/assets/{id}} in
     * every mode. With S3 storage and no configured secret, the secret is random and makes nothing verify (outputs
     * carry presigned links instead).
     */
    @Bean
    SignedAssetUrls signedAssetUrls(
            StorageProperties storage, StudioProperties studio, Environment environment, Clock clock) {
        String secret = storage.signingSecret();
        if (secret == null) {
            secret = storage.type() == StorageProperties.StorageType.FILESYSTEM
                    ? LocalSecretFile.readOrCreate(
                            studio.dataDir().resolve(SIGNING_SECRET_FILE),
                            StorageConfiguration::randomSecret,
                            "download link signing secret")
                    : randomSecret();
        }
        return new SignedAssetUrls(secret, () -> publicBaseUrl(environment), storage.urlTtl(), clock);
    }

    /** Deletes blobs that no asset record names, older than {@code studio.storage.orphan-grace}, on the maintenance role. */
    @Bean
    @ConditionalOnServedQueue(WorkQueue.MAINTENANCE)
    OrphanCollectorTask orphanCollectorTask(
            BlobStore blobs, AssetRepository assets, StorageProperties storage, Clock clock) {
        return new OrphanCollectorTask(
                new OrphanBlobCollector(blobs, assets, storage.orphanGrace(), clock), storage.orphanSweep());
    }

    /**
     * Deletes local temporary files older than {@code studio.storage.temp-grace} from {@code <data-dir>/tmp}, in every
     * process (each has its own data directory on separate hosts), at start and every
     * {@code studio.storage.temp-sweep}.
     */
    @Bean
    TempSweepTask tempSweepTask(StudioProperties studio, StorageProperties storage, Clock clock) {
        Path tmp = CoreConfiguration.stagingDirectory(studio);
        return new TempSweepTask(new TempFileSweeper(tmp, storage.tempGrace(), clock), storage.tempSweep());
    }

    /**
     * The service's public URL: {@code studio.public-base-url}, or in a process that serves HTTP and has none set,
     * {@code http://localhost:<its port>}; empty in a worker without it.
     */
    static Optional<URI> publicBaseUrl(Environment environment) {
        String configured = environment.getProperty("studio.public-base-url");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(URI.create(configured.trim()));
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? Optional.empty() : Optional.of(URI.create("http://localhost:" + port));
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Files under {@code <data-dir>/assets}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "studio.storage.type", havingValue = "filesystem", matchIfMissing = true)
    static class FilesystemStorage {

        @Bean
        BlobStore blobStore(StudioProperties studio, StorageProperties storage, Environment environment) {
            if (studio.mode() == StudioMode.DISTRIBUTED && !storage.filesystem().shared()) {
                throw new IllegalStateException(
                        "distributed mode needs asset storage that every API and worker process reaches: "
                                + "set studio.storage.type=s3 (with studio.storage.s3.bucket and, for a store other than AWS, "
                                + "studio.storage.s3.endpoint), or, only when every process mounts the same data directory, "
                                + "studio.storage.filesystem.shared=true");
            }
            if (studio.mode() == StudioMode.DISTRIBUTED && environment.getProperty("studio.public-base-url") == null) {
                log.warn(
                        "studio.public-base-url is not set: workers make no download_url for outputs; the API adds them when a job is read");
            }
            return new FileSystemBlobStore(studio.dataDir().resolve("assets"));
        }

        @Bean
        DownloadLinks downloadLinks(SignedAssetUrls signed) {
            return signed::link;
        }
    }

    /** An S3-compatible bucket; credentials from the SDK's default provider chain (the environment). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "studio.storage.type", havingValue = "s3")
    static class S3Storage {

        @Bean
        S3Settings s3Settings(StorageProperties storage) {
            StorageProperties.S3 s3 = storage.s3();
            if (s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalStateException("studio.storage.type=s3 needs studio.storage.s3.bucket");
            }
            return new S3Settings(
                    s3.endpoint(),
                    s3.bucket(),
                    s3.region(),
                    s3.pathStyleAccess(),
                    s3.prefix(),
                    s3.partSize().toBytes(),
                    s3.multipartThreshold().toBytes());
        }

        @Bean(destroyMethod = "close")
        DefaultCredentialsProvider s3Credentials() {
            return DefaultCredentialsProvider.builder().build();
        }

        @Bean(destroyMethod = "close")
        S3Client s3Client(S3Settings settings, DefaultCredentialsProvider credentials) {
            return S3Clients.client(settings, credentials);
        }

        @Bean(destroyMethod = "close")
        S3Presigner s3Presigner(S3Settings settings, DefaultCredentialsProvider credentials) {
            return S3Clients.presigner(settings, credentials);
        }

        @Bean
        S3BlobStore blobStore(S3Client client, S3Settings settings) {
            return new S3BlobStore(client, settings);
        }

        @Bean
        DownloadLinks downloadLinks(
                S3Presigner presigner, S3BlobStore store, S3Settings settings, StorageProperties storage) {
            return new S3DownloadLinks(presigner, store, settings, storage.urlTtl());
        }
    }
}
