package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on PostgreSQL (distributed mode's database): concurrent duplicates make exactly one job. */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentIdempotencySystemTest {

    private static final int CLIENTS = 50;
    private static TestDatabases.Target database;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void fiftyConcurrentRequestsWithOneKeyCreateExactlyOneJob() throws Exception {
        String key = "concurrent-" + UUID.randomUUID();
        Map<String, Object> request = RequestFixture.output("fast_video").with("idempotency_key", key).tree();
        List<ApiClient.Response> responses = race(i -> request);

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 200);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("id").asString()).containsOnly(responses.get(0).json().get("id").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE idempotency_key = :k").param("k", key).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM steps s JOIN jobs j ON j.id = s.job_id WHERE j.idempotency_key = :k")
                .param("k", key).query(Long.class).single()).as("one job's first step, not fifty").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_events e JOIN jobs j ON j.id = e.job_id WHERE j.idempotency_key = :k AND e.event_type = 'accepted'")
                .param("k", key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentDifferentPayloadsUnderOneKeyMakeOneJobAndConflicts() throws Exception {
        String key = "contested-" + UUID.randomUUID();
        List<ApiClient.Response> responses = race(i -> RequestFixture.creation().with("idempotency_key", key)
                .with("product.name", i % 2 == 0 ? "Even" : "Odd").tree());
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 200, 409);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(CLIENTS / 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE idempotency_key = :k").param("k", key).query(Long.class).single()).isEqualTo(1);
    }

    private List<ApiClient.Response> race(java.util.function.IntFunction<Map<String, Object>> payload) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Map<String, Object> body = payload.apply(i);
                ApiClient api = new ApiClient(port, "pg-token");
                futures.add(clients.submit(() -> {
                    start.await();
                    return api.postJson("/v1/jobs", body);
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }
}
