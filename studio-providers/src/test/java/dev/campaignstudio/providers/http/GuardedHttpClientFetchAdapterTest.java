package dev.campaignstudio.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.core.port.out.WebFetcher.Fetch;
import dev.campaignstudio.providers.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GuardedHttpClient#get} against a real HTTP server on loopback. */
class GuardedHttpClientFetchAdapterTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String HTML = "text/html; charset=utf-8";

    private final LoopbackServer server = new LoopbackServer();
    /** Loopback allowed, private refused; a read timeout well past the deadlines tested, so only the deadline can stop a slow answer. */
    private final GuardedHttpClient client =
            new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.close();
    }

    private Fetch get(String path, long maxBytes) {
        return client.get(server.url(path), "text/html", maxBytes, DEADLINE);
    }

    @Test
    void aPageIsFetchedWithItsTypeAndTheAcceptAsked() {
        List<String> accepts = new CopyOnWriteArrayList<>();
        server.route("/page", exchange -> {
            accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
            LoopbackServer.send(exchange, 200, HTML, "<p>hello</p>".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(get("/page", 1000)).isInstanceOfSatisfying(Fetch.Fetched.class, fetched -> {
            assertThat(fetched.finalUrl()).isEqualTo(server.url("/page"));
            assertThat(fetched.contentType()).isEqualTo(HTML);
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
        });
        assertThat(accepts).containsExactly("text/html");
    }

    @Test
    void threeRedirectsAreFollowedAndAFourthIsRefused() {
        server.page("/end", HTML, "end")
                .redirect("/hop1", 302, "/end")
                .redirect("/hop2", 301, "/hop1")
                .redirect("/hop3", 307, "/hop2")
                .redirect("/hop4", 308, "/hop3");

        assertThat(get("/hop3", 1000))
                .isInstanceOfSatisfying(
                        Fetch.Fetched.class,
                        fetched -> assertThat(fetched.finalUrl()).isEqualTo(server.url("/end")));
        assertThat(get("/hop4", 1000))
                .isInstanceOfSatisfying(
                        Fetch.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo("more than 3 redirects"));
        assertThat(server.hits("/end")).isEqualTo(1);
    }

    @Test
    void aRelativeRedirectResolvesAgainstTheUrlThatSentIt() {
        server.page("/shop/items/42", HTML, "item").redirect("/shop/old/42", 301, "../items/42");

        assertThat(get("/shop/old/42", 1000))
                .isInstanceOfSatisfying(
                        Fetch.Fetched.class,
                        fetched -> assertThat(fetched.finalUrl()).isEqualTo(server.url("/shop/items/42")));
    }

    @Test
    void aBodyOfExactlyTheCapIsAcceptedAndOneByteMoreIsTooLarge() {
        String hundred = "x".repeat(100);
        server.page("/sized", HTML, hundred).route("/streamed", exchange -> LoopbackServer.stream(exchange, HTML, 100));

        for (String path : List.of("/sized", "/streamed")) {
            assertThat(get(path, 100))
                    .as(path)
                    .isInstanceOfSatisfying(
                            Fetch.Fetched.class,
                            fetched -> assertThat(fetched.body()).hasSize(100));
            assertThat(get(path, 99))
                    .as(path)
                    .isInstanceOfSatisfying(
                            Fetch.TooLarge.class,
                            tooLarge -> assertThat(tooLarge.maxBytes()).isEqualTo(99));
        }
    }

    @Test
    void aDownloadStreamsTheBodyIntoTheFileAndOneByteMoreThanTheCapIsTooLarge(@TempDir Path dir) throws IOException {
        byte[] body = new byte[300_000];
        new java.util.Random(7).nextBytes(body);
        server.route("/video.mp4", exchange -> LoopbackServer.send(exchange, 200, "video/mp4", body))
                .route("/streamed", exchange -> LoopbackServer.stream(exchange, "video/mp4", 100));
        Path file = Files.createFile(dir.resolve("out.mp4"));

        assertThat(client.download(server.url("/video.mp4"), "video/mp4", body.length, DEADLINE, file))
                .isInstanceOfSatisfying(Fetch.Saved.class, saved -> {
                    assertThat(saved.file()).isEqualTo(file);
                    assertThat(saved.bytes()).isEqualTo(body.length);
                    assertThat(saved.contentType()).isEqualTo("video/mp4");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(body);
        assertThat(client.download(server.url("/streamed"), "video/mp4", 99, DEADLINE, file))
                .isInstanceOf(Fetch.TooLarge.class);
        assertThat(client.download(server.url("/video.mp4"), "video/mp4", body.length - 1, DEADLINE, file))
                .isInstanceOf(Fetch.TooLarge.class);
    }

    @Test
    void anEndlessBodyIsCutOffAtTheCapNotDrained() {
        server.route("/endless", exchange -> LoopbackServer.stream(exchange, HTML, -1));

        // the body never ends: only stopping at the cap can return, and before the deadline's "timed out"
        assertThat(get("/endless", 64 * 1024))
                .isInstanceOfSatisfying(
                        Fetch.TooLarge.class,
                        tooLarge -> assertThat(tooLarge.maxBytes()).isEqualTo(64 * 1024));
    }

    @Test
    void aDeclaredLengthPastTheCapIsRefusedBeforeTheBodyIsRead() {
        server.route("/declared", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 1_000_000_000L);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            server.hold();
        });

        // the body stops after 10 bytes until the test ends: reading it could only end in "timed out"
        assertThat(get("/declared", 1000))
                .isInstanceOfSatisfying(
                        Fetch.TooLarge.class,
                        tooLarge -> assertThat(tooLarge.maxBytes()).isEqualTo(1000));
    }

    @Test
    void anAnswerOtherThan2xxAfterRedirectsIsItsStatus() {
        server.route(
                        "/gone",
                        exchange ->
                                LoopbackServer.send(exchange, 404, HTML, "not here".getBytes(StandardCharsets.UTF_8)))
                .redirect("/to-gone", 302, "/gone");

        assertThat(get("/to-gone", 1000))
                .isInstanceOfSatisfying(
                        Fetch.Status.class,
                        status -> assertThat(status.status()).isEqualTo(404));
    }

    @Test
    void aServerThatDripsItsBodyIsCutOffAtTheDeadline() {
        server.route("/drip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 300; i++) {
                out.write('x');
                out.flush();
                if (server.pause(100)) {
                    return;
                }
            }
        });

        long started = System.nanoTime();
        Fetch fetch = client.get(server.url("/drip"), "text/html", 1_000_000, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fetch).isEqualTo(new Fetch.Unreachable("timed out", true));
        assertThat(took).as("not before the deadline").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(server.hits("/drip")).isEqualTo(1);
    }

    @Test
    void aBodyThatStallsLateIsCutOffAtTheDeadlineNotAReadTimeoutLater() {
        server.route("/stall", exchange -> {
            if (server.pause(600)) {
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('x');
            exchange.getResponseBody().flush();
            server.hold();
        });

        long started = System.nanoTime();
        Fetch fetch = client.get(server.url("/stall"), "text/html", 1_000_000, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fetch).isEqualTo(new Fetch.Unreachable("timed out", true));
        assertThat(took).as("not before the deadline").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aServerSlowToAnswerIsCutOffAtTheDeadlineAcrossRedirects() {
        server.redirect("/to-slow", 302, "/slow").route("/slow", exchange -> {
            server.hold();
            LoopbackServer.send(exchange, 200, HTML, "late".getBytes(StandardCharsets.UTF_8));
        });

        long started = System.nanoTime();
        Fetch fetch = client.get(server.url("/to-slow"), "text/html", 1000, Duration.ofMillis(800));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fetch).isEqualTo(new Fetch.Unreachable("timed out", true));
        assertThat(took).as("not before the deadline").isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(server.hits("/slow")).isEqualTo(1);
    }

    @Test
    void redirectsToPrivateOrMetadataAddressesAreRefusedBeforeAnyConnection() {
        server.redirect("/to-private", 302, "http://10.0.0.1:8080/internal/admin?token=s3cret")
                .redirect("/to-metadata", 302, "http://169.254.169.254/latest/meta-data/iam?role=x");

        Fetch toPrivate = get("/to-private", 1000);
        Fetch toMetadata = get("/to-metadata", 1000);

        assertThat(toPrivate)
                .isInstanceOfSatisfying(
                        Fetch.Refused.class,
                        refused -> assertThat(refused.reason())
                                .isEqualTo(
                                        "a redirect to http://10.0.0.1:8080 was refused: not allowed by the outbound rules"));
        assertThat(toMetadata)
                .isInstanceOfSatisfying(
                        Fetch.Refused.class,
                        refused -> assertThat(refused.reason())
                                .isEqualTo(
                                        "a redirect to http://169.254.169.254 was refused: not allowed by the outbound rules"));
        // a connection attempt to a non-routed address would end Unreachable (connect timeout), never Refused
    }

    @Test
    void reasonsNeverCarryAPathOrQuery() throws IOException {
        server.redirect("/to-ftp", 302, "ftp://files.example.com/private/key?token=s3cret")
                .redirect("/to-private", 302, "http://192.168.1.1/private/key?token=s3cret")
                .redirect("/bad-location", 302, "http://exa mple.com/private/key?token=s3cret");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        List<Fetch> fetches = List.of(
                get("/to-ftp", 1000),
                get("/to-private", 1000),
                get("/bad-location", 1000),
                client.get(
                        URI.create("http://127.0.0.1:" + closedPort + "/private/key?token=s3cret"),
                        "text/html",
                        1000,
                        DEADLINE),
                client.get(URI.create("http://10.1.1.1/private/key?token=s3cret"), "text/html", 1000, DEADLINE));

        assertThat(fetches)
                .extracting(GuardedHttpClientFetchAdapterTest::reason)
                .containsExactly(
                        "a redirect to ftp://files.example.com was refused: only http and https URLs may be reached",
                        "a redirect to http://192.168.1.1 was refused: not allowed by the outbound rules",
                        "a redirect had an invalid location",
                        "connection refused",
                        "not allowed by the outbound rules")
                .allSatisfy(reason ->
                        assertThat(reason).doesNotContain("private/key").doesNotContain("s3cret"));
    }

    @Test
    void loopbackIsRefusedUnlessAllowedAndNothingIsSent() throws IOException {
        server.page("/page", HTML, "hello");
        try (GuardedHttpClient publicOnly =
                new GuardedHttpClient(AddressRules.PUBLIC_ONLY, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertThat(publicOnly.get(server.url("/page"), "text/html", 1000, DEADLINE))
                    .isInstanceOfSatisfying(
                            Fetch.Refused.class,
                            refused -> assertThat(refused.reason()).isEqualTo("not allowed by the outbound rules"));
            URI compatible =
                    URI.create("http://[::127.0.0.1]:" + server.url("/page").getPort() + "/page");
            assertThat(publicOnly.get(compatible, "text/html", 1000, DEADLINE))
                    .as(compatible.toString())
                    .isInstanceOf(Fetch.Refused.class);
            assertThat(client.get(URI.create("http://[::ffff:10.0.0.1]/page"), "text/html", 1000, DEADLINE))
                    .isInstanceOf(Fetch.Refused.class);
        }
        assertThat(server.hits("/page")).isZero();
    }

    private static String reason(Fetch fetch) {
        if (fetch instanceof Fetch.Refused refused) {
            return refused.reason();
        }
        if (fetch instanceof Fetch.Unreachable unreachable) {
            return unreachable.reason();
        }
        return "neither refused nor unreachable: " + fetch;
    }
}
