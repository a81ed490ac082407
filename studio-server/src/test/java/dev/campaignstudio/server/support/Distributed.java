package dev.campaignstudio.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * What distributed-mode tests run against: a fresh PostgreSQL schema and a fresh RabbitMQ queue prefix, both removed
 * afterwards. RabbitMQ defaults to 127.0.0.1:5672 (guest); unreachable means skipped, except under CI=true.
 */
public final class Distributed {

    public static final String RABBIT_HOST = env("STUDIO_TEST_RABBIT_HOST", "127.0.0.1");
    public static final int RABBIT_PORT = Integer.parseInt(env("STUDIO_TEST_RABBIT_PORT", "5672"));

    public final TestDatabases.Target database;
    public final String queuePrefix =
            "studio-test-" + UUID.randomUUID().toString().substring(0, 8);

    private Distributed(TestDatabases.Target database) {
        this.database = database;
    }

    /** A fresh environment; skips (or fails under CI) when PostgreSQL or RabbitMQ is unreachable. */
    public static Distributed create() {
        TestDatabases.Target database = TestDatabases.postgres();
        try (Socket socket = new Socket(RABBIT_HOST, RABBIT_PORT)) {
            socket.setSoTimeout(1000);
        } catch (IOException unreachable) {
            String why = "RabbitMQ at " + RABBIT_HOST + ":" + RABBIT_PORT + " is unreachable ("
                    + unreachable.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true requires the RabbitMQ tests to run. Start it: rabbitmq-server -detached");
            }
            System.err.println("SKIPPING RabbitMQ tests: " + why);
            Assumptions.abort(why);
        }
        return new Distributed(database);
    }

    /** Spring properties (as {@code key=value}) for a distributed-mode process on this environment. */
    public List<String> properties(int rabbitPort) {
        List<String> properties = new ArrayList<>();
        properties.add("studio.mode=distributed");
        properties.add("spring.datasource.url=" + database.url());
        properties.add("spring.datasource.username=" + database.user());
        properties.add("spring.datasource.password=" + database.password());
        properties.add("spring.flyway.schemas=" + database.schema());
        properties.add("spring.rabbitmq.host=" + RABBIT_HOST);
        properties.add("spring.rabbitmq.port=" + rabbitPort);
        properties.add("spring.rabbitmq.username=guest");
        properties.add("spring.rabbitmq.password=guest");
        properties.add("spring.rabbitmq.publisher-confirm-type=simple");
        properties.add("studio.engine.queue-prefix=" + queuePrefix);
        // these tests run every process on one host with one data directory (S3 storage:
        // SeparateHostsDistributedSystemTest)
        properties.add("studio.storage.filesystem.shared=true");
        return properties;
    }

    /** Deletes this environment's queues from the broker. */
    public void deleteQueues() {
        CachingConnectionFactory factory = new CachingConnectionFactory(RABBIT_HOST, RABBIT_PORT);
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            for (String queue : List.of("marketing", "avatar", "callbacks", "maintenance", "retry", "dead-letter")) {
                admin.deleteQueue(queuePrefix + "." + queue);
            }
            admin.deleteExchange(queuePrefix + ".dead-letter");
        } catch (RuntimeException ignored) {
            // best effort
        } finally {
            factory.destroy();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
