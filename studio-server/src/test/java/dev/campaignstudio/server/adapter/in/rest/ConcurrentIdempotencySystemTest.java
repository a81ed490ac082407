package dev.campaignstudio.server.adapter.in.rest;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on PostgreSQL (distributed mode's database): concurrent duplicates make exactly one job. */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentIdempotencySystemTest extends ConcurrentIdempotencyContract {

    private static TestDatabases.Target database;

    @BeforeAll
    static void postgres() {
        database = TestDatabases.postgres();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("studio-pg-test");
        registry.add("studio.data-dir", dataDir::toString);
        registry.add("studio.api.tokens", () -> "pg-token");
        registry.add("spring.datasource.url", () -> database.url());
        registry.add("spring.datasource.username", () -> database.user());
        registry.add("spring.datasource.password", () -> database.password());
        registry.add("spring.flyway.schemas", () -> database.schema());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
        registry.add("studio.engine.queues", () -> "");
    }

    @Override
    String token() {
        return "pg-token";
    }
}
