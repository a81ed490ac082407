package dev.campaignstudio.server.support;

import static org.awaitility.Awaitility.await;

import dev.campaignstudio.server.adapter.out.s3.S3Clients;
import dev.campaignstudio.server.adapter.out.s3.S3Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy on its filesystem backend, run as a JVM of its own from the jar the
 * build copies to {@code target/s3proxy/s3proxy.jar}. Several may serve the same directory of objects, so a test can
 * stop one mid-job and bring the store back as another.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The access key id the server accepts. */
    public static final String ACCESS_KEY = "studio-test-access";
    /** The secret access key the server accepts. */
    public static final String SECRET_KEY = "studio-test-secret-key";
    /** The signing region. */
    public static final String REGION = "us-east-1";

    private final Path directory;
    private final int port;
    private Process process;

    private S3ProxyServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts a server on a free loopback port, keeping its objects under {@code directory}. */
    public static S3ProxyServer start(Path directory) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        S3ProxyServer server = new S3ProxyServer(directory, port);
        server.startProcess();
        return server;
    }

    /** The server's URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings for a store on this server, in {@code bucket} under {@code prefix}, with small parts. */
    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(
                endpoint(), bucket, REGION, true, prefix, S3Settings.MIN_PART_BYTES, S3Settings.MIN_PART_BYTES);
    }

    /** A client with the server's credentials. */
    public S3Client client(S3Settings settings) {
        return S3Clients.client(settings, credentials());
    }

    /** The server's credentials, as the SDK's default chain would find them in the environment. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** Creates a fresh bucket and returns its name. */
    public String createBucket() {
        String bucket = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client client = client(settings(bucket, ""))) {
            client.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** Spring properties (as {@code key=value}) for a service storing its assets in {@code bucket} on this server. */
    public List<String> properties(String bucket) {
        return properties(bucket, endpoint());
    }

    /**
     * Spring properties (as {@code key=value}) for a service storing its assets in {@code bucket}, reaching this server
     * at {@code endpoint} (e.g. through a proxy that a test can cut).
     */
    public static List<String> properties(String bucket, URI endpoint) {
        List<String> properties = new ArrayList<>();
        properties.add("studio.storage.type=s3");
        properties.add("studio.storage.s3.endpoint=" + endpoint);
        properties.add("studio.storage.s3.bucket=" + bucket);
        properties.add("studio.storage.s3.region=" + REGION);
        properties.add("studio.storage.s3.path-style-access=true");
        properties.add("studio.storage.s3.prefix=assets/");
        return properties;
    }

    /** JVM options that give a child process this server's credentials the way the environment would. */
    public static List<String> credentialOptions() {
        return List.of("-Daws.accessKeyId=" + ACCESS_KEY, "-Daws.secretAccessKey=" + SECRET_KEY);
    }

    /** Stops the server: its port refuses connections from then on. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !accepting());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void startProcess() throws IOException {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it there (generate-test-resources)");
        }
        Path data = Files.createDirectories(directory.resolve("objects"));
        Path config = directory.resolve("s3proxy.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + data,
                        ""));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                config.toString());
        Path log = Path.of("target", "s3proxy-" + port + ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Process started = process;
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("S3Proxy exited with " + started.exitValue() + "; see " + log);
                    }
                    return accepting();
                });
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
