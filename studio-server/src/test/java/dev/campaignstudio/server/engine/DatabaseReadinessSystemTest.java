package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness tells the truth about the database: UP while it answers, DOWN (503) once it does not. The embedded H2
 * database is broken under the running service the way an interrupted thread broke it (issue 23: a write with the
 * thread's interrupt flag set closes the file channel, and H2 closes the database), a state in which the pool's own
 * connection check still says valid.
 */
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseReadinessSystemTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-readiness-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "readiness-token");
        registry.add("studio.engine.queues", () -> "");
    }

    @Test
    void readinessAndHealthSayDownOnceTheDatabaseNoLongerAnswers() throws Exception {
        ApiClient api = new ApiClient(port, "readiness-token");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");

        CompletableFuture.runAsync(() -> {
                    Thread.currentThread().interrupt();
                    try {
                        jdbc.sql("CREATE TABLE broken_by_interrupt (id INT)").update();
                        jdbc.sql("CHECKPOINT SYNC").update();
                    } catch (RuntimeException expected) {
                        // the channel closes under the write, and the database with it
                    } finally {
                        Thread.interrupted();
                    }
                })
                .get();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/actuator/health/readiness").status() == 503);
        ApiClient.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        ApiClient.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/v1/jobs").status())
                .as("the API cannot work either")
                .isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status())
                .as("restarting is the cure: liveness is not the database's")
                .isEqualTo(200);
    }
}
