package dev.campaignstudio.bench.cli;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL and RabbitMQ a benchmark runs against in distributed mode: a scratch schema and queue prefix per run,
 * dropped afterwards, so a benchmark never touches a service's own tables or queues.
 */
final class DistributedTarget {

    @Option(
            names = "--pg-url",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
            description =
                    "PostgreSQL for distributed mode; a scratch schema is created and dropped (default ${DEFAULT-VALUE}).")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE}).")
    String pgUser;

    @Option(names = "--pg-password", defaultValue = "", description = "PostgreSQL password (default empty).")
    String pgPassword;

    @Option(
            names = "--rabbit-host",
            defaultValue = "127.0.0.1",
            description = "RabbitMQ host (default ${DEFAULT-VALUE}).")
    String rabbitHost;

    @Option(names = "--rabbit-port", defaultValue = "5672", description = "RabbitMQ port (default ${DEFAULT-VALUE}).")
    int rabbitPort;

    /**
     * A scratch schema and queue prefix.
     *
     * @param schema     the schema the service's tables live in for this run
     * @param properties Spring properties ({@code key=value}) that point a service at them
     */
    record Scratch(DistributedTarget target, String schema, String prefix, List<String> properties)
            implements AutoCloseable {

        @Override
        public void close() {
            target.dropSchema(schema);
            target.deleteQueues(prefix);
        }
    }

    /**
     * Creates the scratch schema, or says on stderr why distributed mode is skipped and answers null.
     *
     * @param command the command's name, for messages
     */
    Scratch open(String command) throws IOException {
        try (Socket ignored = new Socket(rabbitHost, rabbitPort)) {
            // reachable
        } catch (IOException unreachable) {
            System.err.println(command + ": distributed mode skipped: RabbitMQ at " + rabbitHost + ":" + rabbitPort
                    + " is unreachable");
            return null;
        }
        String schema =
                "studio_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String prefix = "studio-bench-" + schema.substring(13);
        try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            System.err.println(command + ": distributed mode skipped: PostgreSQL at " + pgUrl + " is unreachable ("
                    + unreachable.getMessage() + ")");
            return null;
        }
        String separator = pgUrl.contains("?") ? "&" : "?";
        return new Scratch(
                this,
                schema,
                prefix,
                List.of(
                        "studio.mode=distributed",
                        "studio.data-dir=" + Files.createTempDirectory("studio-bench"),
                        "studio.storage.filesystem.shared=true",
                        "spring.datasource.url=" + pgUrl + separator + "currentSchema=" + schema,
                        "spring.datasource.username=" + pgUser,
                        "spring.datasource.password=" + pgPassword,
                        "spring.flyway.schemas=" + schema,
                        "spring.rabbitmq.host=" + rabbitHost,
                        "spring.rabbitmq.port=" + rabbitPort,
                        "spring.rabbitmq.publisher-confirm-type=simple",
                        "studio.engine.queue-prefix=" + prefix));
    }

    /** Runs one statement in the benchmark's database. */
    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void dropSchema(String schema) {
        try {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the scratch schema " + schema + ": " + e.getMessage());
        }
    }

    private void deleteQueues(String prefix) {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbitHost, rabbitPort);
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            for (String queue : List.of("marketing", "avatar", "callbacks", "maintenance", "retry", "dead-letter")) {
                admin.deleteQueue(prefix + "." + queue);
            }
            admin.deleteExchange(prefix + ".dead-letter");
        } finally {
            factory.destroy();
        }
    }
}
