package dev.campaignstudio.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback serving product pages, counting requests per path. */
public final class ProductPageServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public ProductPageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String page = pages.get(path);
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Serves {@code html} at {@code path}; returns its URL. */
    public String serve(String path, String html) {
        pages.put(path, html);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A product page with Open Graph tags and a schema.org Product in JSON-LD. */
    public static String productPage(String title, String brand, String price, String currency) {
        return """
                <!doctype html><html><head><title>%1$s | Shop</title>
                <meta property="og:title" content="%1$s">
                <meta property="og:description" content="The %1$s by %2$s keeps drinks cold for 24 hours.">
                <meta property="og:image" content="/images/front.jpg">
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product", "name": "%1$s", "brand": {"@type": "Brand", "name": "%2$s"},
                 "offers": {"@type": "Offer", "price": "%3$s", "priceCurrency": "%4$s"}}
                </script></head><body><h1>%1$s</h1></body></html>
                """.formatted(title, brand, price, currency);
    }

    /** Requests for {@code path} so far. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
