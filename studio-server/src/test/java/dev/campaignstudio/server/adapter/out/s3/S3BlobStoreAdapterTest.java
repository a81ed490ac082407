package dev.campaignstudio.server.adapter.out.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.asset.Sha256;
import dev.campaignstudio.core.port.out.BlobStore;
import dev.campaignstudio.core.port.out.BlobStoreContract;
import dev.campaignstudio.core.port.out.BlobStoreUnavailableException;
import dev.campaignstudio.server.support.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store keeps the blob store's contract against a real S3-compatible server (S3Proxy), with parts of 5 MiB so
 * the large blob goes up in several; every test works under a prefix of its own in one bucket.
 */
class S3BlobStoreAdapterTest extends BlobStoreContract {

    private static Path serverDirectory;
    private static S3ProxyServer server;
    private static String bucket;
    private static S3Client client;

    @BeforeAll
    static void startServer() throws Exception {
        serverDirectory = Files.createTempDirectory("studio-s3proxy");
        server = S3ProxyServer.start(serverDirectory);
        bucket = server.createBucket();
        client = server.client(server.settings(bucket, ""));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BlobStore newStore() {
        return new S3BlobStore(client, server.settings(bucket, "t-" + UUID.randomUUID() + "/"));
    }

    @Override
    protected long largeBlobBytes() {
        return 2 * S3Settings.MIN_PART_BYTES + 12_345;
    }

    @Test
    void objectsOfOtherPrefixesInTheBucketAreNotListedAsBlobs() throws Exception {
        byte[] data = "mine".getBytes(StandardCharsets.UTF_8);
        store.put(data, Sha256.hex(data));
        client.putObject(
                b -> b.bucket(bucket).key("elsewhere/" + Sha256.hex("theirs")),
                software.amazon.awssdk.core.sync.RequestBody.fromString("theirs"));

        assertThat(listed()).extracting(b -> b.sha256()).containsExactly(Sha256.hex(data));
    }

    @Test
    void anUnreachableStoreIsUnavailableNotMissing() throws Exception {
        S3Settings nowhere = new S3Settings(
                java.net.URI.create("http://127.0.0.1:1"),
                bucket,
                S3ProxyServer.REGION,
                true,
                "",
                S3Settings.MIN_PART_BYTES,
                S3Settings.MIN_PART_BYTES);
        try (S3Client unreachable = S3Clients.client(nowhere, S3ProxyServer.credentials())) {
            BlobStore down = new S3BlobStore(unreachable, nowhere);
            String sha256 = Sha256.hex("anything");

            assertThatThrownBy(() -> down.contains(sha256)).isInstanceOf(BlobStoreUnavailableException.class);
            assertThatThrownBy(() -> down.open(sha256)).isInstanceOf(BlobStoreUnavailableException.class);
            assertThatThrownBy(() -> down.put(new byte[] {1}, Sha256.hex(new byte[] {1})))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
        }
    }
}
