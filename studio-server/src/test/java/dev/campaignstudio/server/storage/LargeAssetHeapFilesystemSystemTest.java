package dev.campaignstudio.server.storage;

import dev.campaignstudio.server.StudioApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 200 MB image goes up through {@code POST /v1/assets} into the filesystem store (the embedded default) and comes
 * back down through {@code GET /v1/assets/{id}}, and the JVM's live heap never grows by 64 MB.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LargeAssetHeapFilesystemSystemTest {

    private static final String TOKEN = "heap-fs-token";

    private static Path work;

    @LocalServerPort
    int port;

    @BeforeAll
    static void directory() throws Exception {
        work = Files.createTempDirectory("studio-heap-fs");
    }

    @AfterAll
    static void delete() throws Exception {
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("studio.data-dir", () -> work.resolve("data").toString());
        registry.add("studio.storage.type", () -> "filesystem");
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.engine.queues", () -> "");
        registry.add("studio.assets.max-bytes", () -> "256MB");
    }

    @Test
    void a200MegabyteUploadAndDownloadKeepTheHeapGrowthUnder64Megabytes() throws Exception {
        LargeAssetRoundTrip.assertHeapGrowthUnder64Megabytes(port, TOKEN, work.resolve("large.png"));
    }
}
