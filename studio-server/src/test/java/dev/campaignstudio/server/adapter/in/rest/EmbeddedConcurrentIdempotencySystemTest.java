package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.StudioApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default (an H2 file database, in-process queues with their workers running): concurrent duplicates
 * make exactly one job there too, while the accepted job is already being worked on.
 */
// its own data directory makes this context unique: close it after the class, with its workers
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedConcurrentIdempotencySystemTest extends ConcurrentIdempotencyContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("studio-h2-race-test");
        registry.add("studio.data-dir", dataDir::toString);
        registry.add("studio.api.tokens", () -> "h2-token");
    }

    @Override
    String token() {
        return "h2-token";
    }
}
