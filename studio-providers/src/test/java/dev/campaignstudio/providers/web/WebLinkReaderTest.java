package dev.campaignstudio.providers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.LinkReader.PageFacts;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.core.port.out.WebFetcher.Fetch;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the {@code web} link reader makes of pages, with a fake fetcher: markup variants, hostile pages, warnings. */
class WebLinkReaderTest {

    private static final URI PAGE = URI.create("https://shop.example.com/p/item?id=7");

    private static PageFacts read(String html) {
        return read("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static PageFacts read(String contentType, byte[] body) {
        WebFetcher fetcher = (url, accept, maxBytes, deadline) -> new Fetch.Fetched(url, contentType, body);
        return new WebLinkReader(fetcher).read(PAGE);
    }

    private static PageFacts failing(Fetch fetch) {
        return new WebLinkReader((url, accept, maxBytes, deadline) -> fetch, 512 * 1024, Duration.ofMillis(1500))
                .read(PAGE);
    }

    private static String jsonLd(String json) {
        return "<html><head><script type=\"application/ld+json\">" + json + "</script></head><body></body></html>";
    }

    @Test
    void servesTheLinkReaderCapabilityAsWeb() {
        WebLinkReader reader = new WebLinkReader((url, accept, maxBytes, deadline) -> new Fetch.Status(500));

        assertThat(reader.name()).isEqualTo("web");
        assertThat(reader.capabilities()).containsExactly(Capability.LINK_READER);
        assertThat(Capability.LINK_READER.port()).isAssignableFrom(WebLinkReader.class);
    }

    @Test
    void asksForHtmlUnderTheConfiguredCapAndDeadline() {
        List<Object> asked = new ArrayList<>();
        WebFetcher fetcher = (url, accept, maxBytes, deadline) -> {
            asked.addAll(List.of(url, accept, maxBytes, deadline));
            return new Fetch.Status(404);
        };

        new WebLinkReader(fetcher, 1234, Duration.ofSeconds(3)).read(PAGE);
        new WebLinkReader(fetcher).read(PAGE);

        assertThat(asked)
                .containsExactly(
                        PAGE,
                        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                        1234L,
                        Duration.ofSeconds(3),
                        PAGE,
                        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                        2L * 1024 * 1024,
                        Duration.ofSeconds(10));
    }

    @Test
    void productInAGraphWithATypeArrayAndAnAggregateOffer() {
        PageFacts facts = read(jsonLd("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "name": "Item page"},
                  {"@type": ["Product", "Thing"], "name": "  Oak   Chair ", "brand": "Woodworks",
                   "image": {"@type": "ImageObject", "url": "../img/chair.jpg"},
                   "offers": {"@type": "AggregateOffer", "lowPrice": "89", "highPrice": "120", "priceCurrency": "usd"}}
                ]}
                """));

        assertThat(facts)
                .isEqualTo(new PageFacts(
                        "Oak Chair",
                        null,
                        "Woodworks",
                        "89",
                        "USD",
                        List.of("https://shop.example.com/img/chair.jpg"),
                        null));
    }

    @Test
    void productInAnArrayOrAsTheMainEntityOfAPage() {
        PageFacts inArray = read(jsonLd("""
                [{"@type": "Organization", "name": "Shop"}, {"@type": "http://schema.org/Product", "name": "Mug",
                  "offers": [{"@type": "Offer", "priceCurrency": "EUR"}, {"@type": "Offer", "priceSpecification": {"price": 12, "priceCurrency": "EUR"}}]}]
                """));
        PageFacts asMainEntity = read(jsonLd("""
                {"@type": "ItemPage", "mainEntity": {"@type": "Product", "name": "Teapot", "image": [{"contentUrl": "/t.jpg"}, "https://cdn.example.com/t2.jpg"]}}
                """));

        assertThat(inArray.title()).isEqualTo("Mug");
        assertThat(inArray.price()).isEqualTo("12");
        assertThat(inArray.currency()).isEqualTo("EUR");
        assertThat(asMainEntity.title()).isEqualTo("Teapot");
        assertThat(asMainEntity.images())
                .containsExactly("https://shop.example.com/t.jpg", "https://cdn.example.com/t2.jpg");
    }

    @Test
    void jsonLdFillsOnlyWhatItHasAndOpenGraphTheRest() {
        PageFacts facts = read("""
                <html><head>
                <meta property="og:title" content="OG title"><meta property="og:description" content="OG description">
                <meta property="og:image" content="https://cdn.example.com/og.jpg"><meta property="og:site_name" content="Store">
                <meta property="og:price:amount" content="10"><meta property="og:price:currency" content="CAD">
                <script type="application/ld+json">{"@type": "Product", "name": "LD name", "offers": {"priceCurrency": "EUR"}}</script>
                </head></html>
                """);

        assertThat(facts)
                .isEqualTo(new PageFacts(
                        "LD name",
                        "OG description",
                        "Store",
                        "10",
                        "CAD",
                        List.of("https://cdn.example.com/og.jpg"),
                        null));
    }

    @Test
    void aHostilePageGivesPlainCappedTextAndOnlyHttpImages() {
        String huge = "A".repeat(1_000_000);
        String images = IntStream.range(0, 20)
                .mapToObj(i -> "<meta property=\"og:image\" content=\"/img/" + i % 12 + ".jpg\">")
                .collect(Collectors.joining());
        PageFacts facts = read("<html><head>"
                + "<meta property=\"og:title\" content=\"<script>alert(1)</script>Nice <b>Lamp</b>\">"
                + "<meta property=\"og:description\" content=\"" + huge + "\">"
                + "<meta property=\"og:site_name\" content=\"Brand&lt;img src=x onerror=alert(1)&gt;\">"
                + "<meta property=\"og:image\" content=\"javascript:alert(1)\">"
                + "<meta property=\"og:image\" content=\"data:image/png;base64,AAAA\">"
                + "<meta property=\"og:image\" content=\"ftp://files.example.com/a.jpg\">"
                + "<meta property=\"og:image\" content=\"http://[bad\">"
                + images
                + "<meta property=\"product:price:amount\" content=\"call us\">"
                + "</head></html>");

        assertThat(facts.title()).isEqualTo("Nice Lamp");
        assertThat(facts.description()).hasSize(2000).startsWith("AAAA").endsWith("\u2026");
        assertThat(facts.brand()).isEqualTo("Brand");
        assertThat(facts.price()).isNull();
        assertThat(facts.images())
                .containsExactlyElementsOf(IntStream.range(0, 8)
                        .mapToObj(i -> "https://shop.example.com/img/" + i + ".jpg")
                        .collect(Collectors.toList()));
    }

    @Test
    void hostileJsonLdIsIgnoredOrTamed() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        PageFacts facts = read("<html><head>"
                + "<script type=\"application/ld+json\">" + deep + "</script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"x\" \"oops\"}</script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"<img src=x onerror=alert(1)>Chair</script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"<img src=x onerror=alert(1)>Chair\","
                + " \"description\": \"" + "d".repeat(5000) + "\", \"brand\": {\"name\": {\"nested\": true}},"
                + " \"offers\": {\"price\": 1e999999, \"priceCurrency\": \"dollars\"}, \"image\": 42}</script>"
                + "</head></html>");

        assertThat(facts.title()).isEqualTo("Chair");
        assertThat(facts.description()).hasSize(2000);
        assertThat(facts.brand()).isNull();
        assertThat(facts.price()).isNull();
        assertThat(facts.currency()).isNull();
        assertThat(facts.images()).isEmpty();
        assertThat(facts.warning()).isNull();
    }

    @Test
    void theHeaderCharsetDecodesThePage() {
        byte[] latin1 =
                "<html><head><title>Caf\u00e9 cr\u00e8me</title></head></html>".getBytes(Charset.forName("ISO-8859-1"));

        assertThat(read("text/html; charset=ISO-8859-1", latin1).title()).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(read(null, "<title>No type</title>".getBytes(StandardCharsets.UTF_8))
                        .title())
                .isEqualTo("No type");
    }

    @Test
    void aContentTypeThatIsNotHtmlIsNamedInTheWarning() {
        assertThat(read("application/pdf", new byte[] {'%', 'P', 'D', 'F'}).warning())
                .isEqualTo("the page is not HTML (application/pdf)");
        assertThat(read("<script>x</script>", new byte[0]).warning())
                .isEqualTo("the page is not HTML (a malformed content type)");
        assertThat(read(
                                "application/xhtml+xml",
                                "<html><head><title>X</title></head></html>".getBytes(StandardCharsets.UTF_8))
                        .title())
                .isEqualTo("X");
    }

    @Test
    void eachFailureGivesOneShortWarningAndNoFacts() {
        assertThat(failing(new Fetch.Unreachable("timed out", true)))
                .isEqualTo(new PageFacts(
                        null, null, null, null, null, null, "the page timed out (no full answer within 1500 ms)"));
        assertThat(failing(new Fetch.Unreachable("connection refused", false)).warning())
                .isEqualTo("the page could not be reached: connection refused");
        assertThat(failing(new Fetch.TooLarge(512 * 1024)).warning()).isEqualTo("the page is too large (over 512 KiB)");
        assertThat(failing(new Fetch.Status(503)).warning()).isEqualTo("the page answered HTTP 503");
        assertThat(failing(new Fetch.Refused("more than 3 redirects")).warning())
                .isEqualTo("refused by the outbound rules: more than 3 redirects");
        assertThat(failing(new Fetch.Refused("line one\nline two " + "x".repeat(500)))
                        .warning())
                .hasSizeLessThan(260)
                .doesNotContain("\n");
    }
}
