package dev.campaignstudio.server.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.EmbeddedSystemTest;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Per-caller rate limits and queue backpressure: 429 with Retry-After, as problem+json. */
@Import(AdmissionSystemTest.Time.class)
class AdmissionSystemTest extends EmbeddedSystemTest {

    static final String METERED_TOKEN = "metered-token-0123456789";
    static final long MAX_READY = 2;

    @Autowired
    ManualTime time;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("studio.clients.metered.token", () -> METERED_TOKEN);
        registry.add("studio.clients.metered.scopes", () -> "jobs:read,jobs:write");
        registry.add("studio.clients.metered.requests-per-minute", () -> "3");
        registry.add("studio.limits.max-ready-steps", () -> Long.toString(MAX_READY));
    }

    @Test
    void theFourthRequestInAMinuteIs429WithRetryAfterUntilTheBucketRefills() {
        ApiClient metered = new ApiClient(port, METERED_TOKEN);
        for (int i = 0; i < 3; i++) {
            assertThat(metered.get("/v1/jobs").status()).as("request %d", i + 1).isEqualTo(200);
        }
        ApiClient.Response refused = metered.get("/v1/jobs");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isEqualTo("20");
        assertThat(api.get("/v1/jobs").status())
                .as("another caller has its own bucket")
                .isEqualTo(200);

        time.advance(Duration.ofSeconds(19));
        ApiClient.Response early = metered.get("/v1/jobs");
        assertThat(early.status()).isEqualTo(429);
        assertThat(early.header("Retry-After")).isEqualTo("1");
        time.advance(Duration.ofSeconds(1));
        assertThat(metered.get("/v1/jobs").status()).isEqualTo(200);
        assertThat(metered.get("/v1/jobs").status()).isEqualTo(429);
    }

    @Test
    void newJobsAreRefusedWhileAQueuesReadyBacklogIsTooDeep() {
        for (int i = 0; i < 20 && readyMarketingSteps() <= MAX_READY; i++) {
            assertThat(submit().status()).isEqualTo(201);
        }
        assertThat(readyMarketingSteps()).isGreaterThan(MAX_READY);
        ApiClient.Response refused = submit();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("QUEUE_FULL");
        assertThat(refused.header("Retry-After")).isEqualTo("10");
        assertThat(api.get("/v1/jobs").status()).as("reads go on").isEqualTo(200);

        jdbc.sql("UPDATE steps SET status = 'skipped' WHERE status = 'pending'").update();
        assertThat(submit().status())
                .as("admitted again once the backlog drained")
                .isEqualTo(201);
    }

    private ApiClient.Response submit() {
        return api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "key-" + UUID.randomUUID())
                        .tree());
    }

    private long readyMarketingSteps() {
        return jdbc.sql("SELECT COUNT(*) FROM steps WHERE status = 'pending' AND queue_name = 'marketing'"
                        + " AND (not_before IS NULL OR not_before <= CURRENT_TIMESTAMP)")
                .query(Long.class)
                .single();
    }

    /** The token buckets' time, moved by the test. */
    static final class ManualTime implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong();

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        ManualTime manualTime() {
            return new ManualTime();
        }
    }
}
