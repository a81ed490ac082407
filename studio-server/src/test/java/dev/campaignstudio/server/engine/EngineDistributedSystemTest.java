package dev.campaignstudio.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.campaignstudio.core.fixtures.RequestFixture;
import dev.campaignstudio.core.fixtures.TestPipelines;
import dev.campaignstudio.core.fixtures.TestPipelines.CountingHandlers;
import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.TcpProxy;
import dev.campaignstudio.server.support.TestPipelineConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sample test pipeline in distributed mode: PostgreSQL and RabbitMQ over real connections (RabbitMQ through a
 * proxy the test can cut), API and workers in one process.
 */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(
        classes = {StudioApplication.class, TestPipelineConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineDistributedSystemTest {

    private static Distributed environment;
    private static TcpProxy proxy;

    @LocalServerPort
    int port;

    @Autowired
    CountingHandlers counting;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        proxy = new TcpProxy(Distributed.RABBIT_HOST, Distributed.RABBIT_PORT);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (environment != null) {
            environment.deleteQueues();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("studio-distributed-test").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "distributed-token");
        registry.add("studio.engine.heartbeat", () -> "200ms");
        registry.add("studio.engine.lease", () -> "3s");
        registry.add("studio.engine.sweep-interval", () -> "500ms");
        for (String property : environment.properties(proxy.port())) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port, "distributed-token");
        counting.renderTaking(Duration.ZERO);
    }

    private String submit() {
        ApiClient.Response created = api.postJson(
                "/v1/jobs",
                RequestFixture.creation()
                        .with("idempotency_key", "dist-" + UUID.randomUUID())
                        .tree());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitStatus(String id, String status, Duration limit) {
        await().atMost(limit)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/jobs/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals(status));
        return api.get("/v1/jobs/" + id).json();
    }

    private void publishRaw(String queue, String body) {
        CachingConnectionFactory factory =
                new CachingConnectionFactory(Distributed.RABBIT_HOST, Distributed.RABBIT_PORT);
        try {
            Message message = MessageBuilder.withBody(body.getBytes(StandardCharsets.US_ASCII))
                    .build();
            new RabbitTemplate(factory).send("", environment.queuePrefix + "." + queue, message);
        } finally {
            factory.destroy();
        }
    }

    private String stepId(String jobId, String stage, int scene) {
        return jdbc.sql(
                        "SELECT id FROM steps WHERE job_id = :job AND stage = :stage AND scene_order = :scene ORDER BY attempt LIMIT 1")
                .param("job", jobId)
                .param("stage", stage)
                .param("scene", scene)
                .query(String.class)
                .single();
    }

    @Test
    void samplePipelineCompletesOverRabbitMq() {
        int renders = counting.count("render");
        String id = submit();
        JsonNode job = awaitStatus(id, "succeeded", Duration.ofSeconds(60));
        assertThat(counting.count("render") - renders).isEqualTo(TestPipelines.SCENES);
        assertThat(job.get("steps")
                        .valueStream()
                        .filter(s -> s.get("stage").asString().equals("flaky"))
                        .map(s -> s.get("queue").asString()))
                .containsExactly("marketing", "retry", "retry");
        assertThat(job.get("steps")
                        .valueStream()
                        .filter(s -> s.get("stage").asString().equals("voice"))
                        .map(s -> s.get("queue").asString()))
                .containsOnly("avatar");
        assertThat(job.get("manifest").get("outputs").size()).isEqualTo(1);
    }

    @Test
    void duplicatedAndLateMessagesRunNothingTwice() throws Exception {
        String id = submit();
        awaitStatus(id, "succeeded", Duration.ofSeconds(60));
        int plans = counting.count("plan");
        int renders = counting.count("render");
        String plan = stepId(id, "plan", 0);
        String render = stepId(id, "render", 2);
        for (int i = 0; i < 3; i++) {
            publishRaw("marketing", plan);
            publishRaw("marketing", render);
        }
        String control = submit();
        awaitStatus(control, "succeeded", Duration.ofSeconds(60));
        assertThat(counting.count("plan") - plans)
                .as("only the control job's plan ran")
                .isEqualTo(1);
        assertThat(counting.count("render") - renders).isEqualTo(TestPipelines.SCENES);
    }

    @Test
    void aMessageForACancelledJobRunsNothing() {
        counting.renderTaking(Duration.ofSeconds(30));
        String id = submit();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM steps WHERE job_id = :job AND stage = 'render'")
                                .param("job", id)
                                .query(Long.class)
                                .single()
                        == TestPipelines.SCENES);
        assertThat(api.postJson("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(202);
        awaitStatus(id, "cancelled", Duration.ofSeconds(30));
        counting.renderTaking(Duration.ZERO);
        int renders = counting.count("render");
        for (int scene = 1; scene <= TestPipelines.SCENES; scene++) {
            publishRaw("marketing", stepId(id, "render", scene));
        }
        String control = submit();
        awaitStatus(control, "succeeded", Duration.ofSeconds(60));
        assertThat(counting.count("render") - renders)
                .as("only the control job's renders ran")
                .isEqualTo(TestPipelines.SCENES);
    }

    @Test
    void aPoisonMessageIsDeadLettered() {
        publishRaw("marketing", "this is not a step id");
        CachingConnectionFactory factory =
                new CachingConnectionFactory(Distributed.RABBIT_HOST, Distributed.RABBIT_PORT);
        try {
            RabbitTemplate template = new RabbitTemplate(factory);
            Message dead = template.receive(environment.queuePrefix + ".dead-letter", 10_000);
            assertThat(dead).isNotNull();
            assertThat(new String(dead.getBody(), StandardCharsets.US_ASCII)).isEqualTo("this is not a step id");
        } finally {
            factory.destroy();
        }
    }

    @Test
    void jobsFinishWhenTheBrokerConnectionIsLostAndComesBack() throws Exception {
        counting.renderTaking(Duration.ofMillis(300));
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(submit());
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM steps WHERE status = 'succeeded' AND job_id IN (:jobs)")
                                .param("jobs", jobs)
                                .query(Long.class)
                                .single()
                        >= 3);
        int refusedBefore = proxy.refused();
        proxy.cut();
        jobs.add(submit());
        // the service has noticed the loss: it tried to reconnect (twice) and was refused while the job waited
        await().atMost(Duration.ofSeconds(60)).until(() -> proxy.refused() >= refusedBefore + 2);
        proxy.restore();
        for (String id : jobs) {
            awaitStatus(id, "succeeded", Duration.ofSeconds(90));
        }
    }
}
