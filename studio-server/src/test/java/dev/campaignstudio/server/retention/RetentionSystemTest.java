package dev.campaignstudio.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Samples;
import dev.campaignstudio.server.support.ShiftedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Retention with a moved clock and deletion of one job: old finished jobs and the blobs nothing names any more go;
 * recent jobs, a running job and referenced blobs stay; a deleted job leaves no row and, after the grace, no file.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RetentionSystemTest.Time.class)
class RetentionSystemTest {

    private static final String TOKEN = "retention-token";
    private static final Path DATA_DIR = dataDir();
    /** Every table that holds rows of a job, with its job column. */
    private static final Map<String, String> JOB_TABLES = Map.of(
            "jobs",
            "id",
            "steps",
            "job_id",
            "assets",
            "job_id",
            "outbox_events",
            "job_id",
            "step_notes",
            "job_id",
            "callback_deliveries",
            "job_id",
            "callback_attempts",
            "job_id",
            "product_checkpoints",
            "job_id");

    @LocalServerPort
    int port;

    @Autowired
    ShiftedClock clock;

    @Autowired
    RetentionTask retention;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("studio.data-dir", DATA_DIR::toString);
        registry.add("studio.api.tokens", () -> TOKEN);
        registry.add("studio.stages.image-long-side", () -> "256");
        registry.add("studio.retention.jobs", () -> "30d");
        registry.add("studio.retention.events", () -> "30d");
        registry.add("studio.retention.deliveries", () -> "30d");
        registry.add("studio.retention.rejected-images", () -> "30d");
        registry.add("studio.retention.sweep", () -> "24h");
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, TOKEN);
    }

    @Test
    void oldJobsAndUnreferencedBlobsGoWhileRecentRunningAndReferencedOnesStay() throws Exception {
        String old = run("Old Mug");
        List<String> oldBlobs = blobs(old);
        List<String> uploads = jdbc.sql("SELECT sha256 FROM assets WHERE kind = 'upload'")
                .query(String.class)
                .list();
        String running = run("Running Mug");
        jdbc.sql("UPDATE jobs SET status = 'running', finished_at = NULL WHERE id = :id")
                .param("id", running)
                .update();
        clock.jump(Duration.ofDays(40));
        String recent = run("Recent Mug");

        RetentionTask.Report report = retention.runOnce();

        assertThat(report.jobs()).isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(old)).as("rows of the old job").isZero();
        assertThat(gone(oldBlobs)).as("blobs only the old job named").isNotEmpty();
        for (String sha : oldBlobs) {
            assertThat(Files.exists(blob(sha)) == referenced(sha)).as(sha).isTrue();
        }
        for (String kept : List.of(running, recent)) {
            assertThat(api.get("/v1/jobs/" + kept).status()).isEqualTo(200);
            assertThat(count("steps", kept)).isPositive();
            assertThat(count("outbox_events", kept)).isPositive();
            assertThat(blobs(kept)).isNotEmpty().allMatch(sha -> Files.exists(blob(sha)));
        }
        assertThat(uploads).isNotEmpty().allMatch(sha -> Files.exists(blob(sha)));
    }

    @Test
    void deletingAJobLeavesNoRowAndAfterTheGraceNoFileButWaitsForItToFinish() throws Exception {
        String job = run("Private Mug");
        List<String> blobs = blobs(job);
        assertThat(rowsOf(job)).isPositive();
        jdbc.sql("UPDATE jobs SET status = 'running', finished_at = NULL WHERE id = :id")
                .param("id", job)
                .update();
        ApiClient.Response refused = api.raw("DELETE", "/v1/jobs/" + job, TOKEN, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("JOB_RUNNING");
        assertThat(rowsOf(job)).isPositive();
        jdbc.sql("UPDATE jobs SET status = 'succeeded', finished_at = updated_at WHERE id = :id")
                .param("id", job)
                .update();

        assertThat(api.raw("DELETE", "/v1/jobs/" + job, TOKEN, null).status()).isEqualTo(204);
        assertThat(rowsOf(job)).isZero();
        assertThat(api.get("/v1/jobs/" + job).status()).isEqualTo(404);
        assertThat(api.raw("DELETE", "/v1/jobs/" + job, TOKEN, null).status()).isEqualTo(404);

        clock.jump(Duration.ofHours(2));
        retention.runOnce();
        assertThat(gone(blobs)).isNotEmpty();
        for (String sha : blobs) {
            assertThat(Files.exists(blob(sha)) == referenced(sha)).as(sha).isTrue();
        }
    }

    private String run(String name) {
        Map<String, Object> product = Samples.uploaded(api, "kiln-mug");
        product.put("product_id", "retention-" + UUID.randomUUID());
        product.put("name", name);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_creation");
        tree.put("idempotency_key", "retention-" + UUID.randomUUID());
        tree.put("product", product);
        ApiClient.Response created = api.postJson("/v1/jobs", tree);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("succeeded", "failed")
                        .contains(api.get("/v1/jobs/" + id).json().get("status").asString()));
        assertThat(api.get("/v1/jobs/" + id).json().get("status").asString()).isEqualTo("succeeded");
        return id;
    }

    private List<String> blobs(String job) {
        return jdbc.sql("SELECT DISTINCT sha256 FROM assets WHERE job_id = :id")
                .param("id", job)
                .query(String.class)
                .list();
    }

    private List<String> gone(List<String> blobs) {
        return blobs.stream().filter(sha -> !Files.exists(blob(sha))).toList();
    }

    private boolean referenced(String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM assets WHERE sha256 = :sha")
                        .param("sha", sha)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long rowsOf(String job) {
        return JOB_TABLES.keySet().stream()
                .mapToLong(table -> count(table, job))
                .sum();
    }

    private long count(String table, String job) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + JOB_TABLES.get(table) + " = :id")
                .param("id", job)
                .query(Long.class)
                .single();
    }

    private static Path blob(String sha) {
        return DATA_DIR.resolve("assets")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("studio-retention-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }
}
