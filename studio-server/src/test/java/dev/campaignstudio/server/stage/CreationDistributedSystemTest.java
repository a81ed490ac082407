package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.ProductPageServer;
import dev.campaignstudio.server.support.Samples;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The marketing creation flow in distributed mode: PostgreSQL and RabbitMQ over real connections, local media. */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreationDistributedSystemTest {

    private static Distributed environment;
    private static ProductPageServer pages;

    @LocalServerPort
    int port;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        pages = new ProductPageServer();
    }

    @AfterAll
    static void cleanUp() {
        if (pages != null) {
            pages.close();
        }
        if (environment != null) {
            environment.deleteQueues();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir =
                Files.createTempDirectory("studio-creation-distributed").toString();
        registry.add("studio.data-dir", () -> dataDir);
        registry.add("studio.api.tokens", () -> "creation-token");
        registry.add("studio.outbound.allow-loopback", () -> "true");
        for (String property : environment.properties(Distributed.RABBIT_PORT)) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
    }

    @Test
    void aCreationJobCompletesOverPostgresAndRabbitMqWithEveryAssetDecodable() {
        ApiClient api = new ApiClient(port, "creation-token");
        CreationJobs jobs = new CreationJobs(api);
        Map<String, Object> product = Samples.uploaded(api, "aurora-bottle");
        product.put("product_id", "aurora-distributed-" + System.nanoTime());
        product.put(
                "link",
                pages.serve("/aurora", ProductPageServer.productPage("Aurora Bottle", "Aurora Goods", "34.90", "EUR")));
        String id = jobs.submit(product);
        JsonNode job = jobs.finished(id);
        JsonNode identity = jobs.assertIdentity(id, job, true);
        assertThat(identity.get("link_facts").get("title").asString()).isEqualTo("Aurora Bottle");
        assertThat(CreationJobs.statuses(job).values()).containsOnly("succeeded");
        for (JsonNode step : job.get("steps")) {
            assertThat(step.get("queue").asString()).isEqualTo("marketing");
        }
    }
}
