package dev.campaignstudio.server.support;

import dev.campaignstudio.server.StudioApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of system tests of the API in embedded mode: a real HTTP server on a random loopback port, an H2 file database
 * and assets in a temporary data directory. No queue is served, so accepted jobs stay queued and the API's behaviour
 * is observed alone. Test classes share one running service.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedSystemTest {

    /** The bearer token the test service accepts. */
    public static final String TOKEN = "test-token-embedded";

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("studio.data-dir", DATA_DIR::toString);
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.engine.queues", () -> "");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, TOKEN);
    }

    /** The data directory of the running test service. */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("studio-system-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
