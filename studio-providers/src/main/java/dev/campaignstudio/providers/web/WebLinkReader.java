package dev.campaignstudio.providers.web;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.LinkReader;
import dev.campaignstudio.core.port.out.WebFetcher;
import dev.campaignstudio.core.port.out.WebFetcher.Fetch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The {@code web} adapter of {@link Capability#LINK_READER}: fetches a product page through a {@link WebFetcher}, so
 * under the outbound rules with a size cap and a deadline, and reads it as schema.org {@code Product} JSON-LD first,
 * then Open Graph tags, then the page's title and description. A page that cannot be read fully gives facts with a
 * warning (one short line, never a URL's path or query), not an exception.
 */
public final class WebLinkReader implements CapabilityAdapter, LinkReader {

    /** The largest page read by default: 2 MiB. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 2L * 1024 * 1024;
    /** The longest a page may take by default, redirects included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    static final String NO_FACTS = "no product facts found (the page has no schema.org Product or Open Graph data)";

    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    private static final Pattern CHARSET =
            Pattern.compile(";\\s*charset=\"?([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REASON = 200;

    private final WebFetcher fetcher;
    private final long maxPageBytes;
    private final Duration deadline;

    /** A reader with the default page size ({@value #DEFAULT_MAX_PAGE_BYTES} bytes) and deadline (10 s). */
    public WebLinkReader(WebFetcher fetcher) {
        this(fetcher, DEFAULT_MAX_PAGE_BYTES, DEFAULT_DEADLINE);
    }

    /**
     * @param fetcher      fetches under the outbound rules
     * @param maxPageBytes the largest page read; a longer one gives a warning and no facts
     * @param deadline     the longest a page may take, redirects and body included
     */
    public WebLinkReader(WebFetcher fetcher, long maxPageBytes, Duration deadline) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        if (maxPageBytes <= 0) {
            throw new IllegalArgumentException("maxPageBytes must be positive, was " + maxPageBytes);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, was " + deadline);
        }
        this.maxPageBytes = maxPageBytes;
        this.deadline = deadline;
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.LINK_READER);
    }

    @Override
    public PageFacts read(URI page) {
        Objects.requireNonNull(page, "page");
        Fetch fetch = fetcher.get(page, ACCEPT, maxPageBytes, deadline);
        return fetch instanceof Fetch.Fetched fetched ? facts(fetched) : unread(whyNot(fetch));
    }

    private PageFacts facts(Fetch.Fetched page) {
        String mediaType = mediaType(page.contentType());
        if (mediaType != null && !HTML_TYPES.contains(mediaType)) {
            return unread("the page is not HTML (" + mediaType + ")");
        }
        Document document;
        try {
            document = Jsoup.parse(
                    new ByteArrayInputStream(page.body()),
                    charset(page.contentType()),
                    page.finalUrl().toString());
        } catch (IOException unreadable) {
            return unread("the page could not be decoded");
        }
        PageSource jsonLd = ProductJsonLd.read(document, page.finalUrl());
        PageSource openGraph = MetaTags.openGraph(document, page.finalUrl());
        PageSource found = jsonLd.or(openGraph).or(MetaTags.basics(document, page.finalUrl()));
        String warning = jsonLd.isEmpty() && openGraph.isEmpty() ? NO_FACTS : null;
        return new PageFacts(
                found.title(),
                found.description(),
                found.brand(),
                found.price(),
                found.currency(),
                found.images(),
                warning);
    }

    private String whyNot(Fetch fetch) {
        if (fetch instanceof Fetch.Unreachable unreachable) {
            return unreachable.timedOut()
                    ? "the page timed out (no full answer within " + duration(deadline) + ")"
                    : "the page could not be reached: " + oneLine(unreachable.reason());
        }
        if (fetch instanceof Fetch.TooLarge tooLarge) {
            return "the page is too large (over " + bytes(tooLarge.maxBytes()) + ")";
        }
        if (fetch instanceof Fetch.Status status) {
            return "the page answered HTTP " + status.status();
        }
        if (fetch instanceof Fetch.Refused refused) {
            return "refused by the outbound rules: " + oneLine(refused.reason());
        }
        return "the page could not be read";
    }

    private static PageFacts unread(String warning) {
        return new PageFacts(null, null, null, null, null, null, warning);
    }

    /** The media type of a {@code Content-Type}, lower case, or {@code null} when absent; a malformed one says so. */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : "a malformed content type";
    }

    /** The charset a {@code Content-Type} names, if this JVM knows it; else {@code null}, and jsoup looks in the page. */
    private static String charset(String contentType) {
        Matcher named = CHARSET.matcher(contentType == null ? "" : contentType);
        if (!named.find()) {
            return null;
        }
        try {
            return Charset.isSupported(named.group(1)) ? named.group(1) : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String oneLine(String reason) {
        String line = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "\u2026";
    }

    private static String bytes(long count) {
        if (count >= 1024 * 1024 && count % (1024 * 1024) == 0) {
            return count / (1024 * 1024) + " MiB";
        }
        if (count >= 1024 && count % 1024 == 0) {
            return count / 1024 + " KiB";
        }
        return count + " bytes";
    }

    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
