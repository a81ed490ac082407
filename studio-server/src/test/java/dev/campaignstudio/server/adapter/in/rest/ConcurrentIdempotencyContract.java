package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent duplicates make exactly one job, whatever the database: the race run by
 * {@link ConcurrentIdempotencySystemTest} (PostgreSQL) and {@link EmbeddedConcurrentIdempotencySystemTest} (H2 with the
 * in-process queues serving). See docs/api.md (idempotency).
 */
abstract class ConcurrentIdempotencyContract {

    private static final int CLIENTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The bearer token the service under test accepts. */
    abstract String token();

    @Test
    void fiftyConcurrentRequestsWithOneKeyCreateExactlyOneJob() throws Exception {
        String key = "concurrent-" + UUID.randomUUID();
        Map<String, Object> request =
                RequestFixture.output("fast_video").with("idempotency_key", key).tree();
        List<ApiClient.Response> responses = race(i -> request);

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 200);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .extracting(r -> r.json().get("id").asString())
                .containsOnly(responses.get(0).json().get("id").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT s.stage, s.scene_order, s.attempt FROM steps s JOIN jobs j ON j.id = s.job_id
                WHERE j.idempotency_key = :k GROUP BY s.stage, s.scene_order, s.attempt HAVING COUNT(*) > 1) twice""").param("k", key).query(Long.class).single())
                .as("no step planned twice")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM steps s JOIN jobs j ON j.id = s.job_id WHERE j.idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .as("the job's first step exists")
                .isPositive();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM outbox_events e JOIN jobs j ON j.id = e.job_id WHERE j.idempotency_key = :k AND e.event_type = 'accepted'")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentDifferentPayloadsUnderOneKeyMakeOneJobAndConflicts() throws Exception {
        String key = "contested-" + UUID.randomUUID();
        List<ApiClient.Response> responses = race(i -> RequestFixture.creation()
                .with("idempotency_key", key)
                .with("product.name", i % 2 == 0 ? "Even" : "Odd")
                .tree());
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 200, 409);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(CLIENTS / 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    List<ApiClient.Response> race(java.util.function.IntFunction<Map<String, Object>> payload) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Map<String, Object> body = payload.apply(i);
                ApiClient api = new ApiClient(port, token());
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
