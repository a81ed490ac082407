package dev.campaignstudio.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.fixtures.StandardWebhooksOracle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chaos receiver against real HTTP on loopback, signed by the test oracle written from the specification. */
class CallbackReceiverTest {

    private static final String SECRET = "whsec_"
            + Base64.getEncoder()
                    .encodeToString("chaos-receiver-test-key-32-bytes".getBytes(StandardCharsets.US_ASCII));

    private final HttpClient http = HttpClient.newHttpClient();
    private CallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        receiver = new CallbackReceiver(SECRET, port);
        receiver.start(new Deadline(Duration.ofMinutes(1)));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private int send(String job, long sequence, String secret, boolean tamper) throws Exception {
        String id = "evt_" + job + "_" + sequence;
        byte[] body = ("{\"event_id\":\"" + id + "\",\"job_id\":\"" + job + "\",\"sequence\":" + sequence
                        + ",\"type\":\"progress\"}")
                .getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        String signature = StandardWebhooksOracle.sign(secret, id, now, body);
        byte[] sent = tamper
                ? new String(body, StandardCharsets.UTF_8)
                        .replace("progress", "completed")
                        .getBytes(StandardCharsets.UTF_8)
                : body;
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void validCallbacksAreKeptInTheOrderTheyFirstArrivedAndRepeatsCounted() throws Exception {
        assertThat(send("job_a", 1, SECRET, false)).isEqualTo(204);
        assertThat(send("job_a", 3, SECRET, false)).isEqualTo(204);
        assertThat(send("job_a", 2, SECRET, false)).isEqualTo(204);
        assertThat(send("job_a", 2, SECRET, false)).isEqualTo(204);

        assertThat(receiver.arrivals("job_a")).containsExactly(1L, 3L, 2L);
        assertThat(receiver.duplicates()).isEqualTo(1);
        assertThat(receiver.invalidSignatures()).isZero();
    }

    @Test
    void aTamperedBodyOrAnotherSecretIsCountedInvalidAndRefused() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(send("job_b", 1, SECRET, true)).isEqualTo(401);
        assertThat(send("job_b", 2, other, false)).isEqualTo(401);

        assertThat(receiver.invalidSignatures()).isEqualTo(2);
        assertThat(receiver.arrivals("job_b")).isEmpty();
    }

    @Test
    void aStoppedReceiverRefusesConnectionsAndTakesCallbacksAgainOnTheSamePortOnceStarted() throws Exception {
        receiver.stop();
        assertThatThrownBy(() -> send("job_c", 1, SECRET, false)).isInstanceOf(IOException.class);

        receiver.start(new Deadline(Duration.ofMinutes(1)));
        assertThat(send("job_c", 1, SECRET, false)).isEqualTo(204);
        assertThat(receiver.arrivals("job_c")).containsExactly(1L);
    }
}
