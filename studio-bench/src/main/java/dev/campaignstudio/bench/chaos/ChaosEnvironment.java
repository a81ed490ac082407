package dev.campaignstudio.bench.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Everything a chaos run stands on: a fresh PostgreSQL database and RabbitMQ queue prefix, each behind a link the run
 * can cut, S3Proxy, the callback receiver, the API and two workers as separate processes with data directories of
 * their own. Closing it stops the processes and removes the database, the queues and the data directories.
 */
final class ChaosEnvironment implements AutoCloseable {

    static final String TOKEN = "chaos-" + UUID.randomUUID();
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");
    private static final List<String> QUEUES = List.of("marketing", "avatar", "callbacks", "maintenance", "retry");

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final ChaosTarget target;
    final Path logs;
    final Ledger ledger;
    final LinkProxy databaseLink;
    final LinkProxy brokerLink;
    final LinkProxy storeLink;
    volatile ObjectStoreProcess store;
    private final List<ObjectStoreProcess> stores = new ArrayList<>();
    final CallbackReceiver receiver;
    final int apiPort;
    StudioProcess api;
    final List<StudioProcess> workers = new ArrayList<>();
    private final String database = "studio_chaos_" + run;
    private final String receiverSecret = secret();
    private final Path scratch;
    private final List<AutoCloseable> opened = new ArrayList<>();

    ChaosEnvironment(ChaosTarget target) throws IOException, SQLException {
        this.target = target;
        this.logs = Files.createDirectories(target.workDir().resolve("chaos-" + run));
        this.scratch = Files.createTempDirectory("studio-chaos-" + run);
        admin("CREATE DATABASE " + database);
        this.ledger = new Ledger(
                target.databaseUrl(target.pgHost(), target.pgPort(), database), target.pgUser(), target.pgPassword());
        this.databaseLink = opened(new LinkProxy(target.pgHost(), target.pgPort()));
        this.brokerLink = opened(new LinkProxy(target.rabbitHost(), target.rabbitPort()));
        this.store = newStore();
        this.storeLink = opened(new LinkProxy("127.0.0.1", store.port()));
        this.receiver = opened(new CallbackReceiver(receiverSecret, freePort()));
        this.apiPort = freePort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::killChildren, "chaos-stop-children"));
    }

    /** When the bench itself is stopped (Ctrl-C), its processes go with it. */
    private void killChildren() {
        List<StudioProcess> all = new ArrayList<>(workers);
        if (api != null) {
            all.add(api);
        }
        for (StudioProcess process : all) {
            process.destroyNow();
        }
        stores.forEach(ObjectStoreProcess::destroyNow);
    }

    /**
     * Starts the store, the receiver, the API and two workers (at once: they share the database's migration lock),
     * and waits until each serves.
     *
     * @param quickStartWorkers whether workers run on the client compiler only (faster to start, slower to render):
     *                          the short form restarts more than it renders; the API always does
     */
    void start(Deadline deadline, boolean quickStartWorkers) throws IOException, InterruptedException {
        store.start(deadline);
        String bucket = "chaos-" + run;
        store.createBucket(bucket);
        receiver.start(deadline);
        Map<String, String> properties = properties(bucket);
        Map<String, String> environment = Map.of(
                "AWS_ACCESS_KEY_ID",
                ObjectStoreProcess.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                ObjectStoreProcess.SECRET_KEY,
                "STUDIO_API_TOKENS",
                TOKEN);
        List<String> serve = List.of("serve", "--distributed", "--port", String.valueOf(apiPort));
        api = opened(new StudioProcess(
                "api",
                QUICK_START,
                serve,
                with(properties, "studio.data-dir", scratch.resolve("api").toString()),
                environment,
                logs,
                apiPort));
        api.start();
        for (int i = 1; i <= 2; i++) {
            String name = "worker" + i;
            List<String> work = List.of("worker", "--queues", String.join(",", QUEUES));
            StudioProcess worker = opened(new StudioProcess(
                    name,
                    quickStartWorkers ? QUICK_START : List.of(),
                    work,
                    with(properties, "studio.data-dir", scratch.resolve(name).toString()),
                    environment,
                    logs,
                    null));
            worker.start();
            workers.add(worker);
        }
        api.awaitReady(deadline);
        for (StudioProcess worker : workers) {
            worker.awaitReady(deadline);
        }
    }

    /** What every process is told; see docs/operations.md "Fault and load suite" for why each differs from defaults. */
    private Map<String, String> properties(String bucket) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("studio.mode", "distributed");
        p.put("spring.datasource.url", target.databaseUrl("127.0.0.1", databaseLink.port(), database));
        p.put("spring.datasource.username", target.pgUser());
        p.put("spring.datasource.password", target.pgPassword());
        p.put("spring.datasource.hikari.maximum-pool-size", "5");
        p.put("spring.datasource.hikari.connection-timeout", "10000");
        p.put("spring.rabbitmq.host", "127.0.0.1");
        p.put("spring.rabbitmq.port", String.valueOf(brokerLink.port()));
        p.put("spring.rabbitmq.username", target.rabbitUser());
        p.put("spring.rabbitmq.password", target.rabbitPassword());
        p.put("spring.rabbitmq.publisher-confirm-type", "simple");
        p.put("studio.engine.queue-prefix", "chaos-" + run);
        p.put("studio.engine.lease", "10s");
        p.put("studio.engine.heartbeat", "1s");
        p.put("studio.engine.sweep-interval", "1s");
        p.put("studio.engine.redispatch-after", "10s");
        p.put("studio.engine.concurrency.marketing", "2");
        p.put("studio.engine.concurrency.avatar", "1");
        p.put("studio.engine.concurrency.retry", "2");
        p.put("studio.engine.concurrency.callbacks", "2");
        p.put("studio.storage.type", "s3");
        p.put("studio.storage.s3.endpoint", "http://127.0.0.1:" + storeLink.port());
        p.put("studio.storage.s3.bucket", bucket);
        p.put("studio.storage.s3.region", ObjectStoreProcess.REGION);
        p.put("studio.storage.s3.path-style-access", "true");
        p.put("studio.storage.s3.prefix", "assets/");
        p.put("studio.callbacks.secrets.default", receiverSecret);
        p.put("studio.callbacks.initial-backoff", "1s");
        p.put("studio.callbacks.max-backoff", "4s");
        p.put("studio.outbound.allow-loopback", "true");
        p.put("studio.stages.image-long-side", "256");
        p.put("studio.stages.video-long-side", "256");
        p.put("studio.stages.fps", "8");
        return p;
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A new S3Proxy (not started) on a free port, serving the same objects as the others. */
    ObjectStoreProcess newStore() throws IOException {
        ObjectStoreProcess created =
                opened(new ObjectStoreProcess(target.s3proxyJar(), scratch.resolve("s3"), logs, freePort()));
        stores.add(created);
        return created;
    }

    private static Map<String, String> with(Map<String, String> properties, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put(key, value);
        return all;
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.add(resource);
        return resource;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target.pgUrl(), target.pgUser(), target.pgPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                System.err.println("chaos: could not stop " + opened.get(i) + ": " + e.getMessage());
            }
        }
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("chaos: could not drop the database " + database + ": " + e.getMessage());
        }
        deleteQueues();
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("chaos: could not delete " + scratch + ": " + e.getMessage());
        }
    }

    private void deleteQueues() {
        CachingConnectionFactory factory = new CachingConnectionFactory(target.rabbitHost(), target.rabbitPort());
        factory.setUsername(target.rabbitUser());
        factory.setPassword(target.rabbitPassword());
        String prefix = "chaos-" + run;
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            for (String queue : List.of("marketing", "avatar", "callbacks", "maintenance", "retry", "dead-letter")) {
                admin.deleteQueue(prefix + "." + queue);
            }
            admin.deleteExchange(prefix + ".dead-letter");
        } catch (RuntimeException e) {
            System.err.println("chaos: could not delete the queues " + prefix + ".*: " + e.getMessage());
        } finally {
            factory.destroy();
        }
    }
}
