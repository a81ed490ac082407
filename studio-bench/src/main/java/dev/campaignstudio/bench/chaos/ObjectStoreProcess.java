package dev.campaignstudio.bench.chaos;

import dev.campaignstudio.server.adapter.out.s3.S3Clients;
import dev.campaignstudio.server.adapter.out.s3.S3Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible asset store of the chaos bench: S3Proxy on its filesystem backend, a JVM of its own on a loopback
 * port. Several may serve the same objects: an outage stops one, and another started beforehand on the same directory
 * takes over behind the link, so the outage lasts exactly as long as the schedule says, whatever a JVM takes to start.
 */
final class ObjectStoreProcess implements AutoCloseable {

    static final String ACCESS_KEY = "chaos-access";
    static final String SECRET_KEY = "chaos-secret-key";
    static final String REGION = "us-east-1";

    private final Path jar;
    private final Path directory;
    private final Path logs;
    private final int port;
    private volatile Process process;

    ObjectStoreProcess(Path jar, Path directory, Path logs, int port) {
        this.jar = jar;
        this.directory = directory;
        this.logs = logs;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** The store's URL. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server and waits until its port accepts connections. */
    void start(Deadline deadline) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies S3Proxy there (./mvnw package)");
        }
        Path data = Files.createDirectories(directory.resolve("objects"));
        Path config = directory.resolve("s3proxy-" + port + ".properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "s3proxy.endpoint=" + endpoint(),
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + data,
                        ""));
        List<String> command = List.of(
                Launcher.javaBinary(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--properties",
                config.toString());
        Path log = logs.resolve("s3proxy-" + port + ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Process started = process;
        deadline.await("S3Proxy to listen (see " + log + ")", () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + started.exitValue() + "; see " + log);
            }
            return accepting();
        });
    }

    /** Stops the server (its port refuses connections once this returns). */
    void stop(Deadline deadline) throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
        deadline.await("S3Proxy to stop listening", () -> !accepting());
    }

    /** Creates the bucket the services store their assets in. */
    void createBucket(String bucket) {
        S3Settings settings = new S3Settings(
                endpoint(), bucket, REGION, true, "", S3Settings.MIN_PART_BYTES, S3Settings.MIN_PART_BYTES);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        try (S3Client client = S3Clients.client(settings, credentials)) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Ends the process at once, without waiting. */
    void destroyNow() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }
}
