package dev.campaignstudio.bench.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product backend of the chaos run: a loopback HTTP server that receives the callbacks, checks each signature by
 * the Standard Webhooks specification (written here from the spec, not from the service's signer), and keeps, per
 * job, the sequences in the order they first arrived. It can be taken down (connections refused) and brought back on
 * the same port.
 */
final class CallbackReceiver implements AutoCloseable {

    private static final long TOLERANCE_SECONDS = 300;

    private final byte[] key;
    private final int port;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, List<Long>> firstArrivals = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong mismatched = new AtomicLong();
    private volatile long lastValidNanos;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param secret the signing secret, {@code whsec_<base64>}
     * @param port   the loopback port the receiver always listens on
     */
    CallbackReceiver(String secret, int port) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.port = port;
    }

    /** The callback URL jobs name. */
    String url() {
        return "http://127.0.0.1:" + port + "/hooks/studio";
    }

    /** Listens (again). */
    synchronized void start(Deadline deadline) throws InterruptedException {
        deadline.await("the callback receiver to bind port " + port, () -> {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                return true;
            } catch (BindException busy) {
                return false;
            }
        });
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/hooks/studio", this::handle);
        server.start();
    }

    /** Stops listening: deliveries meet a refused connection until {@link #start}. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.incrementAndGet();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (!verified(id, timestamp, signature, body)) {
            invalid.incrementAndGet();
            answer(exchange, 401);
            return;
        }
        JsonNode event = json.readTree(body);
        if (!id.equals(event.path("event_id").asString(""))) {
            mismatched.incrementAndGet();
        }
        record(event.path("job_id").asString(""), event.path("sequence").asLong(0));
        lastValidNanos = System.nanoTime();
        answer(exchange, 204);
    }

    private void record(String job, long sequence) {
        List<Long> arrivals = firstArrivals.computeIfAbsent(job, j -> new ArrayList<>());
        synchronized (arrivals) {
            if (arrivals.contains(sequence)) {
                duplicates.incrementAndGet();
            } else {
                arrivals.add(sequence);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * Standard Webhooks: the signed content is {@code id.timestamp.body}, the signature base64 HMAC-SHA256 under the
     * base64-decoded secret, the header space-separated {@code version,signature} pairs of which one valid {@code v1}
     * is enough; a timestamp more than five minutes off is refused.
     */
    private boolean verified(String id, String timestamp, String header, byte[] body) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String pair : header.trim().split(" +")) {
            int comma = pair.indexOf(',');
            if (comma < 0 || !pair.substring(0, comma).equals("v1")) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(pair.substring(comma + 1)))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // another pair may match
            }
        }
        return false;
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sequences of {@code job} in the order they first arrived. */
    List<Long> arrivals(String job) {
        List<Long> arrivals = firstArrivals.getOrDefault(job, List.of());
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Distinct events received for {@code job}. */
    int distinct(String job) {
        return arrivals(job).size();
    }

    long received() {
        return received.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long invalidSignatures() {
        return invalid.get();
    }

    /** Valid requests whose {@code webhook-id} is not the body's {@code event_id}. */
    long mismatchedIds() {
        return mismatched.get();
    }

    /** When the last valid callback arrived ({@link System#nanoTime()}), 0 before any. */
    long lastValidNanos() {
        return lastValidNanos;
    }

    @Override
    public void close() {
        stop();
    }
}
