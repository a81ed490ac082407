package dev.campaignstudio.server.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.server.StudioApplication;
import dev.campaignstudio.server.engine.TestWorkerMain;
import dev.campaignstudio.server.support.ApiClient;
import dev.campaignstudio.server.support.Distributed;
import dev.campaignstudio.server.support.Samples;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each output mode end to end in distributed mode: PostgreSQL and RabbitMQ over real connections; this JVM is the API
 * and the marketing, retry and maintenance workers, and the avatar work (UGC media) runs in a separate worker process.
 * Both share the asset directory, as processes on one host do.
 */
// a fresh schema makes this context unique: close it after the class, or its connection pool outlives it in the cache
@DirtiesContext
@SpringBootTest(classes = StudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutputModesDistributedSystemTest {

    private static final int VIDEO_LONG_SIDE = 256;
    private static Distributed environment;
    private static Path dataDir;
    private static Process avatarWorker;
    private static Map<String, Object> product;

    @LocalServerPort
    int port;

    ApiClient api;
    OutputJobs jobs;

    @BeforeAll
    static void environment() throws Exception {
        environment = Distributed.create();
        dataDir = Files.createTempDirectory("studio-modes-distributed");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (avatarWorker != null) {
            avatarWorker.destroy();
            avatarWorker.waitFor();
        }
        if (environment != null) {
            environment.deleteQueues();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String property : common()) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        registry.add("studio.api.tokens", () -> "modes-token");
        registry.add("studio.engine.queues", () -> "marketing,retry,maintenance");
    }

    private static List<String> common() {
        List<String> properties = new ArrayList<>(environment.properties(Distributed.RABBIT_PORT));
        properties.add("studio.data-dir=" + dataDir);
        properties.add("studio.stages.image-long-side=256");
        properties.add("studio.stages.video-long-side=" + VIDEO_LONG_SIDE);
        properties.add("studio.stages.fps=8");
        return properties;
    }

    @BeforeEach
    void connect() throws Exception {
        api = new ApiClient(port, "modes-token");
        jobs = new OutputJobs(api);
        synchronized (OutputModesDistributedSystemTest.class) {
            if (avatarWorker == null) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TestWorkerMain.class.getName(),
                        "--real-pipelines"));
                common().forEach(p -> command.add("--" + p));
                command.add("--studio.engine.queues=avatar");
                command.add("--spring.flyway.enabled=false");
                File log = Path.of("target", "modes-avatar-worker.log").toFile();
                avatarWorker = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log)
                        .start();
            }
            if (product == null) {
                product = Samples.uploaded(api, "kiln-mug");
                product.put("product_id", "kiln-distributed-" + System.nanoTime());
            }
        }
    }

    @Test
    void everyModeRunsEndToEndWithAvatarWorkOnItsOwnWorker() throws Exception {
        jobs.imageBundle(product, VIDEO_LONG_SIDE);
        jobs.fastVideo(product, VIDEO_LONG_SIDE);
        jobs.scriptVideo(product, VIDEO_LONG_SIDE);
        JsonNode ugc = jobs.ugc(product, VIDEO_LONG_SIDE);
        assertThat(avatarWorker.isAlive())
                .as("the avatar worker ran the UGC media and is still up")
                .isTrue();
        assertThat(ugc.get("steps")
                        .valueStream()
                        .filter(s -> s.get("queue").asString().equals("avatar"))
                        .count())
                .isEqualTo(3);
    }
}
