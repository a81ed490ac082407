package dev.campaignstudio.providers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.LinkReader.PageFacts;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.providers.LoopbackServer;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code web} link reader through the guarded client against a real HTTP server on loopback. */
class WebLinkReaderAdapterTest {

    private static final String HTML = "text/html; charset=utf-8";

    private final LoopbackServer server = new LoopbackServer();
    private final GuardedHttpClient client =
            new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(10));
    private final WebLinkReader reader = new WebLinkReader(client);

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.close();
    }

    @Test
    void openGraphTagsGiveTheFacts() {
        server.page("/p/kettle", HTML, """
                <html><head>
                <title>Kettle | Shop</title>
                <meta property="og:title" content="Copper Kettle">
                <meta property="og:description" content="Boils water &amp; looks good.">
                <meta property="og:site_name" content="Kitchen Co">
                <meta property="og:image" content="/img/kettle-1.jpg">
                <meta property="og:image" content="https://cdn.example.com/kettle-2.jpg">
                <meta property="product:price:amount" content="49.90">
                <meta property="product:price:currency" content="EUR">
                </head><body><h1>Copper Kettle</h1></body></html>
                """);

        PageFacts facts = reader.read(server.url("/p/kettle"));

        assertThat(facts)
                .isEqualTo(new PageFacts(
                        "Copper Kettle",
                        "Boils water & looks good.",
                        "Kitchen Co",
                        "49.90",
                        "EUR",
                        List.of(server.url("/img/kettle-1.jpg").toString(), "https://cdn.example.com/kettle-2.jpg"),
                        null));
    }

    @Test
    void productJsonLdGivesTheFactsAndWinsOverOpenGraph() {
        server.page("/p/shoe", HTML, """
                <html><head>
                <meta property="og:title" content="Shoe - Mega Store">
                <meta property="og:description" content="Buy shoes at Mega Store">
                <meta property="og:image" content="https://cdn.example.com/og-banner.jpg">
                <meta property="og:site_name" content="Mega Store">
                <meta property="product:price:amount" content="99">
                <meta property="product:price:currency" content="USD">
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product",
                 "name": "Trail Runner 2", "description": "A light trail shoe.",
                 "brand": {"@type": "Brand", "name": "Northpeak"},
                 "image": ["/media/shoe-front.jpg", "https://cdn.example.com/shoe-side.jpg", "/media/shoe-front.jpg"],
                 "offers": [{"@type": "Offer", "price": 129.50, "priceCurrency": "GBP"},
                            {"@type": "Offer", "price": 119.00, "priceCurrency": "GBP"}]}
                </script>
                </head><body></body></html>
                """);

        PageFacts facts = reader.read(server.url("/p/shoe"));

        assertThat(facts)
                .isEqualTo(new PageFacts(
                        "Trail Runner 2",
                        "A light trail shoe.",
                        "Northpeak",
                        "129.50",
                        "GBP",
                        List.of(
                                server.url("/media/shoe-front.jpg").toString(),
                                "https://cdn.example.com/shoe-side.jpg"),
                        null));
    }

    @Test
    void malformedJsonLdIsSkippedAndOpenGraphStillRead() {
        server.page("/p/lamp", HTML, """
                <html><head>
                <script type="application/ld+json">{"@type": "Product", "name": "Broken", </script>
                <meta property="og:title" content="Desk Lamp">
                <meta property="og:image" content="https://cdn.example.com/lamp.png">
                </head><body></body></html>
                """);

        PageFacts facts = reader.read(server.url("/p/lamp"));

        assertThat(facts.title()).isEqualTo("Desk Lamp");
        assertThat(facts.images()).containsExactly("https://cdn.example.com/lamp.png");
        assertThat(facts.warning()).isNull();
    }

    @Test
    void aFiveMegabytePageIsTooLarge() {
        String padding = "<p>" + "lorem ipsum ".repeat(5 * 1024 * 1024 / 12) + "</p>";
        server.page("/big", HTML, "<html><head><title>Big</title></head><body>" + padding + "</body></html>")
                .route("/big-streamed", exchange -> LoopbackServer.stream(exchange, HTML, 5L * 1024 * 1024));

        for (String path : List.of("/big", "/big-streamed")) {
            PageFacts facts = reader.read(server.url(path));

            assertThat(facts.warning()).as(path).isEqualTo("the page is too large (over 2 MiB)");
            assertThat(facts.title()).as(path).isNull();
        }
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedWithoutItsPath() {
        server.redirect("/p/to-metadata", 302, "http://169.254.169.254/latest/meta-data/iam?token=s3cret")
                .redirect("/p/to-private", 302, "http://10.0.0.1/admin?token=s3cret");

        PageFacts toMetadata = reader.read(server.url("/p/to-metadata"));
        PageFacts toPrivate = reader.read(server.url("/p/to-private"));

        assertThat(toMetadata.warning())
                .isEqualTo("refused by the outbound rules: a redirect to http://169.254.169.254 was refused: "
                        + "not allowed by the outbound rules");
        assertThat(toPrivate.warning())
                .isEqualTo("refused by the outbound rules: a redirect to http://10.0.0.1 was refused: "
                        + "not allowed by the outbound rules");
        assertThat(toPrivate.title()).isNull();
        // refused in the resolver, before a socket exists: a connection attempt would end unreachable, not refused
    }

    @Test
    void aSlowPageTimesOutWithinTheDeadline() {
        server.route("/p/slow", exchange -> {
            server.hold();
            LoopbackServer.send(exchange, 200, HTML, "<title>late</title>".getBytes(StandardCharsets.UTF_8));
        });
        WebLinkReader impatient =
                new WebLinkReader(client, WebLinkReader.DEFAULT_MAX_PAGE_BYTES, Duration.ofSeconds(1));

        long started = System.nanoTime();
        PageFacts facts = impatient.read(server.url("/p/slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(facts.warning()).isEqualTo("the page timed out (no full answer within 1 s)");
        assertThat(took).as("not before the deadline").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void somethingOtherThanHtmlIsNotRead() {
        server.route(
                        "/api/product",
                        exchange -> LoopbackServer.send(
                                exchange, 200, "application/json", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .route(
                        "/img/x.png",
                        exchange -> LoopbackServer.send(
                                exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        assertThat(reader.read(server.url("/api/product")).warning())
                .isEqualTo("the page is not HTML (application/json)");
        assertThat(reader.read(server.url("/img/x.png")).warning()).isEqualTo("the page is not HTML (image/png)");
    }

    @Test
    void aMissingPageSaysItsStatus() {
        server.route(
                "/p/gone",
                exchange -> LoopbackServer.send(
                        exchange, 404, HTML, "<title>Not found</title>".getBytes(StandardCharsets.UTF_8)));

        PageFacts facts = reader.read(server.url("/p/gone?ref=mail"));

        assertThat(facts).isEqualTo(new PageFacts(null, null, null, null, null, null, "the page answered HTTP 404"));
    }

    @Test
    void aPageWithoutProductDataGivesItsTitleAndAWarning() {
        server.page("/about", HTML, """
                <html><head><title> About   us </title><meta name="description" content="Who we are"></head>
                <body>Hello</body></html>
                """);

        PageFacts facts = reader.read(server.url("/about"));

        assertThat(facts.title()).isEqualTo("About us");
        assertThat(facts.description()).isEqualTo("Who we are");
        assertThat(facts.warning()).isEqualTo(WebLinkReader.NO_FACTS);
    }
}
