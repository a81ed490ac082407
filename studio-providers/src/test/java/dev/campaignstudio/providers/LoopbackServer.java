package dev.campaignstudio.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A real HTTP server on a free loopback port whose routes answer in the ways outbound fetches must survive. */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one exchange. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong streamed = new AtomicLong();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    /** Serves {@code path} (and, as the JDK server does, every path under it) with {@code route}. */
    public LoopbackServer route(String path, Route route) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                    .incrementAndGet();
            try {
                route.answer(exchange);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (IOException clientWentAway) {
                // the client cut the exchange off, which is what several tests expect
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Serves {@code body} with {@code contentType} and a {@code Content-Length}. */
    public LoopbackServer page(String path, String contentType, String body) {
        return route(path, exchange -> send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers {@code status} with a {@code Location}. */
    public LoopbackServer redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    /** The URL of {@code pathAndQuery} on this server, by loopback address. */
    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** How many requests reached exactly {@code path}. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Sends a whole body with its length. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * Hangs the calling route until the server is closed at the end of the test: an answer that never comes, which only
     * the client's own deadline or cap can end.
     */
    public void hold() throws InterruptedException {
        released.await();
    }

    /**
     * Waits {@code millis}, or less when the server is closed: the pause of a route that drips its answer.
     *
     * @return whether the server was closed meanwhile
     */
    public boolean pause(long millis) throws InterruptedException {
        return released.await(millis, TimeUnit.MILLISECONDS);
    }

    /** How many body bytes {@link #streamFrom} routes have written so far. */
    public long streamed() {
        return streamed.get();
    }

    /** {@link #stream}, counting what was written in {@link #streamed()}. */
    public void streamFrom(HttpExchange exchange, String contentType, long total) throws IOException {
        stream(exchange, contentType, total, streamed);
    }

    /** Sends {@code total} bytes of filler without a {@code Content-Length} (chunked), or forever when {@code total < 0}. */
    public static void stream(HttpExchange exchange, String contentType, long total) throws IOException {
        stream(exchange, contentType, total, new AtomicLong());
    }

    private static void stream(HttpExchange exchange, String contentType, long total, AtomicLong written)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        byte[] filler = new byte[8192];
        Arrays.fill(filler, (byte) ' ');
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; total < 0 || sent < total; sent += filler.length) {
            int n = (int) (total < 0 ? filler.length : Math.min(filler.length, total - sent));
            out.write(filler, 0, n);
            written.addAndGet(n);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
