package dev.campaignstudio.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.campaignstudio.core.fixtures.StandardWebhooksOracle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP callback receiver on loopback. It checks every request's Standard Webhooks signature and timestamp,
 * can fail the first attempts of each event, and records each event it acknowledged, in order.
 */
public final class CallbackReceiver implements AutoCloseable {

    /**
     * An acknowledged event.
     *
     * @param eventId  {@code webhook-id}
     * @param jobId    the envelope's job
     * @param sequence the envelope's sequence
     * @param type     the envelope's type
     * @param body     the raw body
     */
    public record Received(String eventId, String jobId, long sequence, String type, String body) {}

    private final String secret;
    private final int port;
    private final int failFirst;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Received> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private HttpServer server;

    /**
     * @param secret    the {@code whsec_} secret requests must be signed with
     * @param port      port to listen on (0 for any)
     * @param failFirst how many attempts of each event to answer 500 before acknowledging
     */
    public CallbackReceiver(String secret, int port, int failFirst) {
        this.secret = secret;
        this.port = port;
        this.failFirst = failFirst;
    }

    /** A port nobody listens on now, for a receiver that starts later. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts listening; returns this. */
    public CallbackReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return this;
    }

    /** Answers requests to {@code path} with a redirect to {@code location}. */
    public CallbackReceiver redirecting(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    /** The callback URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String redirect = redirects.get(exchange.getRequestURI().getPath());
            if (redirect != null) {
                exchange.getResponseHeaders().add("Location", redirect);
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean fresh =
                    timestamp != null && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= 300;
            if (id == null
                    || signature == null
                    || !fresh
                    || !StandardWebhooksOracle.verify(secret, id, Long.parseLong(timestamp), body, signature)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (attempt <= failFirst) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Map<String, Object> envelope = ApiClient.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            acknowledged.add(new Received(
                    id,
                    (String) envelope.get("job_id"),
                    ((Number) envelope.get("sequence")).longValue(),
                    (String) envelope.get("type"),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Every acknowledged event, in the order acknowledged. */
    public List<Received> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    /** Acknowledged events of one job, in the order acknowledged. */
    public List<Received> acknowledged(String jobId) {
        return acknowledged.stream().filter(r -> r.jobId().equals(jobId)).toList();
    }

    /** Requests whose signature or timestamp did not verify. */
    public int badSignatures() {
        return badSignatures.get();
    }

    /** Attempts made for an event. */
    public int attempts(String eventId) {
        AtomicInteger n = attempts.get(eventId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
