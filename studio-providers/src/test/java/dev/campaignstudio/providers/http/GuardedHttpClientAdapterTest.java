package dev.campaignstudio.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.campaignstudio.core.callback.SendResult;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.port.out.OutboundGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded client against a real HTTP server on loopback. */
class GuardedHttpClientAdapterTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** Holds the {@code /slow} receiver's answer until the test has ended. */
    private final CountDownLatch slowReleased = new CountDownLatch(1);

    private final GuardedHttpClient loopbackAllowed =
            new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofMillis(500));
    private final GuardedHttpClient publicOnly =
            new GuardedHttpClient(AddressRules.PUBLIC_ONLY, Duration.ofSeconds(2), Duration.ofMillis(500));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext(
                "/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-private", exchange -> redirect(exchange, "http://10.1.2.3/hook"));
        server.createContext("/to-ok", exchange -> redirect(exchange, "/ok"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/slow", exchange -> {
            try {
                slowReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        slowReleased.countDown();
        server.stop(0);
        loopbackAllowed.close();
        publicOnly.close();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(307, -1);
        exchange.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private SendResult post(GuardedHttpClient client, String path) {
        return client.post(
                url(path),
                Map.of("webhook-id", "evt_1", "Content-Type", "application/json"),
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postsToAnAllowedReceiver() {
        assertThat(post(loopbackAllowed, "/ok"))
                .isInstanceOfSatisfying(
                        SendResult.Answered.class, a -> assertThat(a.status()).isEqualTo(204));
        assertThat(received).containsExactly("evt_1 {\"x\":1}");
    }

    @Test
    void loopbackIsRefusedUnlessAllowedAndNothingIsSent() {
        assertThat(post(publicOnly, "/ok"))
                .isInstanceOfSatisfying(
                        SendResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo("not allowed by the outbound rules"));
        assertThat(received).isEmpty();
    }

    @Test
    void redirectsAreFollowedAndCheckedAgain() {
        assertThat(post(loopbackAllowed, "/to-ok")).isInstanceOf(SendResult.Answered.class);
        assertThat(received).hasSize(1);
        assertThat(post(loopbackAllowed, "/to-metadata"))
                .isInstanceOfSatisfying(
                        SendResult.Refused.class,
                        r -> assertThat(r.reason())
                                .isEqualTo(
                                        "a redirect to http://169.254.169.254 was refused: not allowed by the outbound rules"));
        assertThat(post(loopbackAllowed, "/to-private"))
                .isInstanceOfSatisfying(
                        SendResult.Refused.class,
                        r -> assertThat(r.reason())
                                .isEqualTo(
                                        "a redirect to http://10.1.2.3 was refused: not allowed by the outbound rules"));
        assertThat(post(loopbackAllowed, "/loop"))
                .isInstanceOfSatisfying(
                        SendResult.Refused.class, r -> assertThat(r.reason()).contains("more than 3 redirects"));
    }

    @Test
    void slowAndAbsentReceiversAreUnreachable() throws IOException {
        assertThat(post(loopbackAllowed, "/slow"))
                .isInstanceOfSatisfying(
                        SendResult.Unreachable.class, u -> assertThat(u.error()).isEqualTo("timed out"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SendResult refused =
                loopbackAllowed.post(URI.create("http://127.0.0.1:" + closed + "/"), Map.of(), new byte[0]);
        assertThat(refused)
                .isInstanceOfSatisfying(
                        SendResult.Unreachable.class, u -> assertThat(u.error()).isEqualTo("connection refused"));
    }

    @Test
    void urlsAreJudgedBeforeAnythingIsSent() {
        for (String url : new String[] {
            "http://169.254.169.254/latest/meta-data/",
            "https://10.0.0.8/hook",
            "http://127.0.0.1:9/hook",
            "http://localhost:9/hook",
            "http://[::127.0.0.1]:9/hook",
            "http://[::ffff:10.0.0.1]/hook",
            "http://[64:ff9b::7f00:1]/hook",
            "http://[2002:7f00:1::]/hook",
            "ftp://example.com/x"
        }) {
            assertThat(publicOnly.judge(URI.create(url))).as(url).isEqualTo(OutboundGuard.Verdict.NOT_ALLOWED);
        }
        assertThat(publicOnly.judge(URI.create("http://no-such-host.invalid/")))
                .isEqualTo(OutboundGuard.Verdict.UNRESOLVED);
        assertThat(loopbackAllowed.judge(URI.create("http://127.0.0.1:9/hook")))
                .isEqualTo(OutboundGuard.Verdict.ALLOWED);
        assertThat(loopbackAllowed.judge(URI.create("http://[::127.0.0.1]:9/hook")))
                .isEqualTo(OutboundGuard.Verdict.ALLOWED);
        assertThat(loopbackAllowed.judge(URI.create("http://[::ffff:10.0.0.1]/hook")))
                .isEqualTo(OutboundGuard.Verdict.NOT_ALLOWED);
    }

    @Test
    void aReceiverReachedThroughAnIpv4CompatibleAddressGetsNothingAndTheRefusalSaysOnlyNotAllowed() {
        SendResult refused = publicOnly.post(
                URI.create("http://[::127.0.0.1]:" + server.getAddress().getPort() + "/ok"), Map.of(), new byte[0]);
        assertThat(refused)
                .isInstanceOfSatisfying(
                        SendResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo("not allowed by the outbound rules"));
        assertThat(received).isEmpty();
    }
}
