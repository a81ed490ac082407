package dev.campaignstudio.providers.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's {@code <meta>} tags: Open Graph (with its product prices), and the plain title and description. */
final class MetaTags {

    private MetaTags() {}

    /**
     * The Open Graph tags: {@code og:title}, {@code og:description}, every {@code og:image}, the price from
     * {@code product:price:*} or {@code og:price:*}, and the brand from {@code product:brand} or else {@code og:site_name}.
     */
    static PageSource openGraph(Document page, URI base) {
        return PageSource.of(
                base,
                content(page, "og:title"),
                content(page, "og:description"),
                firstContent(page, "product:brand", "og:site_name"),
                firstContent(page, "product:price:amount", "og:price:amount"),
                firstContent(page, "product:price:currency", "og:price:currency"),
                page.select(selector("og:image") + ", " + selector("og:image:url")).stream()
                        .map(tag -> tag.attr("content"))
                        .collect(Collectors.toList()));
    }

    /** What any page has: its {@code <title>} and {@code <meta name=description>}. */
    static PageSource basics(Document page, URI base) {
        return PageSource.of(base, page.title(), content(page, "description"), null, null, null, List.of());
    }

    private static String firstContent(Document page, String... properties) {
        for (String property : properties) {
            String value = content(page, property);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first non-blank {@code content} of a meta tag naming {@code property} (as {@code property} or {@code name}). */
    private static String content(Document page, String property) {
        for (Element tag : page.select(selector(property))) {
            String value = tag.attr("content");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String selector(String property) {
        return "meta[property=\"" + property + "\"], meta[name=\"" + property + "\"]";
    }
}
