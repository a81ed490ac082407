package dev.campaignstudio.providers.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor on a real loopback HTTP server that records every request, checks it against the vendor's published
 * document ({@link VendorContract}) and answers through the handlers a test gives per operation; each JSON answer is
 * checked against the document too, so a test's fake says only what the vendor may say. Every problem found is kept
 * for {@link #problems()}; a request that is not an operation of the document is answered 404.
 */
public final class FakeVendor implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived. */
    public record Request(
            String method,
            String path,
            String template,
            String contentType,
            byte[] body,
            String authorization,
            Map<String, List<String>> headers) {

        /** The body as JSON. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body as the parts of a multipart form, in order ({@link VendorContract#parts}). */
        public List<VendorContract.Part> parts() {
            return VendorContract.parts(contentType, body);
        }

        /** The text of the form field {@code name} (the first part of that name that is not a file), or null. */
        public String field(String name) {
            return parts().stream()
                    .filter(part -> part.name().equals(name) && part.fileName() == null)
                    .map(VendorContract.Part::text)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer: status, media type and bytes. */
    public record Answer(int status, String contentType, byte[] body) {}

    /** Answers one operation. */
    @FunctionalInterface
    public interface Handler {
        Answer answer(Request request) throws IOException;
    }

    private final VendorContract contract;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Answer> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    public FakeVendor(VendorContract contract) {
        this.contract = contract;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** Answers {@code method} on the document's path {@code template} (e.g. {@code /predictions/{prediction_id}}). */
    public FakeVendor on(String method, String template, Handler handler) {
        handlers.put(method + " " + template, handler);
        return this;
    }

    /** Serves a file outside the API (a prediction's output, say), unchecked. */
    public FakeVendor file(String path, String contentType, byte[] data) {
        files.put(path, new Answer(200, contentType, data));
        return this;
    }

    /** A JSON answer. */
    public static Answer json(int status, Object body) {
        return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** The server's base URL (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code path} on this server. */
    public URI url(String path) {
        return URI.create(url() + path);
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests so far to {@code method} {@code template}. */
    public List<Request> requests(String method, String template) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && template.equals(r.template()))
                .toList();
    }

    /** Everything off the document: requests and answers. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer file = files.get(path);
            if (file != null && method.equals("GET")) {
                send(exchange, file);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String template = contract.operationPath(method, path);
            Request request = new Request(
                    method,
                    path,
                    template,
                    contentType,
                    body,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    Map.copyOf(exchange.getRequestHeaders()));
            requests.add(request);
            problems.addAll(contract.requestProblems(method, path, contentType, body));
            Handler handler = template == null ? null : handlers.get(method + " " + template);
            if (handler == null) {
                send(exchange, json(404, Map.of("detail", "not found")));
                return;
            }
            Answer answer = handler.answer(request);
            if (answer.contentType().equals("application/json") && answer.status() < 300) {
                problems.addAll(
                        contract.responseProblems(method, template, answer.status(), JSON.readTree(answer.body())));
            } else if (answer.status() < 300
                    && !contract.documentsAnswer(method, template, answer.status(), answer.contentType())) {
                problems.add(method + " " + template + " documents no " + answer.status() + " " + answer.contentType()
                        + " answer");
            }
            send(exchange, answer);
        } catch (RuntimeException bug) {
            problems.add("the fake failed: " + bug);
            throw bug;
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
