package dev.campaignstudio.providers.contract;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Replicate's predictions API on a {@link FakeVendor}: every prediction object it answers has the fields the published
 * schema requires; a prediction is {@code starting}, then {@code processing}, and {@code succeeded} after
 * {@code pollsToFinish} polls (unless {@link #hold() held}) with its output served under {@code /files/}. It counts the
 * predictions created (each one billed by the real vendor) and cancelled.
 */
public final class FakeReplicate implements AutoCloseable {

    /** Makes a prediction's output file from its input. */
    @FunctionalInterface
    public interface Output {
        byte[] make(JsonNode input) throws IOException;
    }

    private final FakeVendor vendor = new FakeVendor(VendorContract.REPLICATE);
    private final Output output;
    private final int pollsToFinish;
    private final Map<String, Prediction> predictions = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private volatile boolean held;
    private volatile CountDownLatch polled = new CountDownLatch(1);

    private static final class Prediction {
        final String id;
        final JsonNode input;
        final String version;
        final Instant createdAt = Instant.now();
        final AtomicInteger polls = new AtomicInteger();
        volatile String status = "starting";

        Prediction(String id, JsonNode input, String version) {
            this.id = id;
            this.input = input;
            this.version = version;
        }
    }

    public FakeReplicate(Output output, int pollsToFinish) {
        this.output = output;
        this.pollsToFinish = pollsToFinish;
        vendor.on("POST", "/predictions", this::create)
                .on("GET", "/predictions/{prediction_id}", request -> answer(request.path(), false))
                .on("POST", "/predictions/{prediction_id}/cancel", request -> answer(request.path(), true));
    }

    /** The vendor underneath: its requests and problems. */
    public FakeVendor vendor() {
        return vendor;
    }

    public String url() {
        return vendor.url();
    }

    /** Predictions created so far. */
    public int created() {
        return created.get();
    }

    /** Cancel requests so far. */
    public int cancelled() {
        return cancelled.get();
    }

    /** Keeps every prediction {@code processing} until {@link #release()}. */
    public void hold() {
        polled = new CountDownLatch(1);
        held = true;
    }

    /** Lets held predictions finish. */
    public void release() {
        held = false;
    }

    /** Counted down at the first poll after {@link #hold()}. */
    public CountDownLatch polledWhileHeld() {
        return polled;
    }

    private FakeVendor.Answer create(FakeVendor.Request request) throws IOException {
        JsonNode body = request.json();
        String version = body.path("version").asString();
        String id = "pred" + created.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
        Prediction prediction = new Prediction(id, body.path("input"), version.substring(version.indexOf(':') + 1));
        predictions.put(id, prediction);
        vendor.file("/files/" + id + ".mp4", "video/mp4", output.make(prediction.input));
        return FakeVendor.json(201, tree(prediction));
    }

    private FakeVendor.Answer answer(String path, boolean cancel) {
        String id = path.substring("/v1/predictions/".length()).replace("/cancel", "");
        Prediction prediction = predictions.get(id);
        if (prediction == null) {
            return FakeVendor.json(404, Map.of("detail", "Not found."));
        }
        if (cancel) {
            cancelled.incrementAndGet();
            if (!prediction.status.equals("succeeded")) {
                prediction.status = "canceled";
            }
        } else if (prediction.status.equals("starting") || prediction.status.equals("processing")) {
            if (held) {
                prediction.status = "processing";
                polled.countDown();
            } else {
                prediction.status = prediction.polls.incrementAndGet() >= pollsToFinish ? "succeeded" : "processing";
            }
        }
        return FakeVendor.json(200, tree(prediction));
    }

    private Map<String, Object> tree(Prediction prediction) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", prediction.id);
        tree.put("model", "acme/img2vid");
        tree.put("version", prediction.version);
        tree.put("input", prediction.input);
        boolean done = prediction.status.equals("succeeded");
        tree.put("output", done ? vendor.url() + "/files/" + prediction.id + ".mp4" : null);
        tree.put("data_removed", false);
        tree.put("error", null);
        tree.put("status", prediction.status);
        tree.put("source", "api");
        tree.put("created_at", prediction.createdAt.toString());
        tree.put("logs", "");
        if (done) {
            tree.put("completed_at", Instant.now().toString());
            tree.put("metrics", Map.of("predict_time", 1.5, "total_time", 1.8));
        }
        String base = vendor.url() + "/v1/predictions/" + prediction.id;
        tree.put(
                "urls",
                Map.of(
                        "get",
                        base,
                        "cancel",
                        base + "/cancel",
                        "web",
                        "https://replicate.com/p/" + prediction.id,
                        "stream",
                        "https://stream.replicate.com/v1/files/" + prediction.id));
        return tree;
    }

    @Override
    public void close() {
        vendor.close();
    }
}
