package dev.campaignstudio.providers.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema.org {@code Product} in a page's JSON-LD ({@code <script type="application/ld+json">}): the script may hold
 * an object, an array or a {@code @graph}; a script that does not parse is skipped and the others still read.
 */
final class ProductJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Set<String> PRODUCT_TYPES =
            Set.of("Product", "ProductGroup", "ProductModel", "IndividualProduct");
    private static final int MAX_SCRIPTS = 32;
    private static final int MAX_NODES = 512;

    private ProductJsonLd() {}

    /** The first product any script describes, or {@link PageSource#NONE}. */
    static PageSource read(Document page, URI base) {
        int scripts = 0;
        for (Element script : page.select("script[type^=application/ld+json]")) {
            if (++scripts > MAX_SCRIPTS) {
                break;
            }
            Optional<JsonNode> product = parse(script.data()).flatMap(ProductJsonLd::findProduct);
            if (product.isPresent()) {
                return facts(product.get(), base);
            }
        }
        return PageSource.NONE;
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            return Optional.of(JSON.readTree(json));
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    /** Searches arrays, {@code @graph} and {@code mainEntity}, breadth first, for a node typed as a product. */
    private static Optional<JsonNode> findProduct(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(root));
        for (int seen = 0; !pending.isEmpty() && seen < MAX_NODES; seen++) {
            JsonNode node = pending.removeFirst();
            if (node.isArray()) {
                node.forEach(pending::addLast);
            } else if (node.isObject()) {
                if (isProduct(node)) {
                    return Optional.of(node);
                }
                node.optional("@graph").ifPresent(pending::addLast);
                node.optional("mainEntity").ifPresent(pending::addLast);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code @type} (a string or an array) names a product, bare or as an IRI ({@code https://schema.org/Product}). */
    private static boolean isProduct(JsonNode node) {
        JsonNode type = node.path("@type");
        List<JsonNode> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(types::add);
        } else {
            types.add(type);
        }
        return types.stream()
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .map(name -> name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1))
                .anyMatch(PRODUCT_TYPES::contains);
    }

    private static PageSource facts(JsonNode product, URI base) {
        JsonNode offer = pricedOffer(product.path("offers"));
        return PageSource.of(
                base,
                scalar(product.path("name")),
                scalar(product.path("description")),
                nameOf(product.path("brand")),
                offer == null ? null : price(offer),
                offer == null ? null : currency(offer),
                images(product.path("image")));
    }

    /** The first offer (of one or an array) that has a price: {@code price}, {@code lowPrice} or a price specification. */
    private static JsonNode pricedOffer(JsonNode offers) {
        for (JsonNode offer : elements(offers)) {
            if (price(offer) != null) {
                return offer;
            }
        }
        return null;
    }

    private static String price(JsonNode offer) {
        String price = scalar(offer.path("price"));
        if (price == null) {
            price = scalar(offer.path("lowPrice"));
        }
        return price != null
                ? price
                : scalar(first(offer.path("priceSpecification")).path("price"));
    }

    private static String currency(JsonNode offer) {
        String currency = scalar(offer.path("priceCurrency"));
        return currency != null
                ? currency
                : scalar(first(offer.path("priceSpecification")).path("priceCurrency"));
    }

    /** A brand (or anything with a name) given as a string, an object with a {@code name}, or an array of either. */
    private static String nameOf(JsonNode node) {
        JsonNode value = first(node);
        return value.isObject() ? scalar(value.path("name")) : scalar(value);
    }

    /** Images given as a string, an {@code ImageObject} ({@code url} or {@code contentUrl}) or an array of either. */
    private static List<String> images(JsonNode node) {
        List<String> urls = new ArrayList<>();
        for (JsonNode image : elements(node)) {
            JsonNode url = image.isObject() ? image.path(image.has("url") ? "url" : "contentUrl") : image;
            if (url.isString()) {
                urls.add(url.stringValue());
            }
        }
        return urls;
    }

    /** A string, or a number as written (no exponent); the first of an array of them; else {@code null}. */
    private static String scalar(JsonNode node) {
        JsonNode value = first(node);
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            boolean plain = Math.abs(number.scale()) <= 20 && number.precision() <= 40;
            return plain ? number.toPlainString() : null;
        }
        return null;
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() ? node.path(0) : node;
    }

    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            elements.add(node);
        }
        return elements;
    }
}
