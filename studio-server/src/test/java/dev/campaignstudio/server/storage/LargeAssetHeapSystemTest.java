package dev.campaignstudio.server.storage;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 200 MB image goes up through {@code POST /v1/assets} into an S3-compatible store and comes back down through
 * {@code GET /v1/assets/{id}}, and the JVM's live heap (measured after full collections, sampled throughout) never grows
 * by 64 MB: nothing holds the file whole on the way in or out. {@link LargeAssetHeapFilesystemSystemTest} does the
 * same with the filesystem store.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LargeAssetHeapSystemTest {

    private static final String TOKEN = "heap-token";

    private static S3ProxyServer s3;
    private static String bucket;
    private static Path work;

    @LocalServerPort
    int port;

    @BeforeAll
    static void store() throws Exception {
        work = Files.createTempDirectory("studio-heap");
        s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")));
        bucket = s3.createBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        for (String property : s3.properties(bucket)) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("studio.data-dir", () -> work.resolve("data").toString());
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.engine.queues", () -> "");
        registry.add("studio.assets.max-bytes", () -> "256MB");
    }

    @Test
    void a200MegabyteUploadAndDownloadKeepTheHeapGrowthUnder64Megabytes() throws Exception {
        LargeAssetRoundTrip.assertHeapGrowthUnder64Megabytes(port, TOKEN, work.resolve("large.png"));
    }
}
