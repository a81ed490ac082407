package dev.campaignstudio.bench.chaos;

import dev.campaignstudio.media.SampleProducts;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed load of a chaos run: products uploaded once, then output jobs of the four modes at test sizes, each with a
 * callback to the receiver, submitted as a client of the API would: a submission that meets a dead API or a 5xx is
 * sent again with the same idempotency key until the API answers it.
 */
final class Load {

    private static final List<String> MODES = List.of("image_bundle", "fast_video", "script_video", "ugc");

    /**
     * One submitted job.
     *
     * @param key      its idempotency key
     * @param mode     its output mode
     * @param id       the job id the API gave
     * @param expected the status it must end in
     */
    record Submitted(String key, String mode, String id, String expected) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int apiPort;
    private final String token;
    private final String callbackUrl;
    private final String run;
    private final List<Map<String, Object>> products = new ArrayList<>();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final AtomicLong resubmissions = new AtomicLong();

    Load(int apiPort, String token, String callbackUrl, String run) {
        this.apiPort = apiPort;
        this.token = token;
        this.callbackUrl = callbackUrl;
        this.run = run;
    }

    /** Uploads a photo of each sample product (a bottle, a mug, a perfume) and keeps the products to submit. */
    void uploadProducts(Deadline deadline) throws InterruptedException {
        SampleProducts.Shot shot =
                new SampleProducts.Shot(480, 640, SampleProducts.View.FRONT, SampleProducts.Backdrop.WOOD, 7);
        Map<String, byte[]> photos = new LinkedHashMap<>();
        photos.put("bottle", SampleProducts.bottlePhoto(new Color(20, 130, 140), shot));
        photos.put("mug", SampleProducts.mugPhoto(new Color(46, 94, 62), shot));
        photos.put("perfume", SampleProducts.perfumePhoto(new Color(120, 30, 60), shot));
        for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
            String[] asset = new String[1];
            deadline.await("the upload of the " + photo.getKey() + " photo", () -> {
                asset[0] = upload(photo.getKey() + ".jpg", photo.getValue());
                return asset[0] != null;
            });
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("product_id", "chaos-" + photo.getKey() + "-" + run);
            product.put("name", "Chaos " + photo.getKey());
            product.put("images", List.of(Map.of("uri", "asset:" + asset[0])));
            product.put("attributes", Map.of("category", photo.getKey(), "brand", "Chaos & Co"));
            products.add(product);
        }
    }

    /** Submits job number {@code index} (modes and products in turn) and waits until the API has accepted it. */
    Submitted submit(int index, Deadline deadline) throws InterruptedException {
        String mode = MODES.get(index % MODES.size());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("contract_version", 2);
        tree.put("job_type", "marketing_output");
        tree.put("idempotency_key", "chaos-" + run + "-" + index);
        tree.put("product", products.get((index / MODES.size()) % products.size()));
        tree.put("mode", mode);
        tree.put("prompt", "Summer launch: bright, upbeat, beach vibes");
        tree.put("settings", settings(mode));
        tree.put("callback", Map.of("url", callbackUrl));
        tree.put("metadata", Map.of("chaos_run", run, "index", String.valueOf(index)));
        byte[] body = json.writeValueAsBytes(tree);
        String[] id = new String[1];
        int[] tries = {0};
        deadline.await("the API to accept job " + index, () -> {
            tries[0]++;
            id[0] = post(body);
            return id[0] != null;
        });
        if (tries[0] > 1) {
            resubmissions.incrementAndGet();
        }
        Submitted job = new Submitted((String) tree.get("idempotency_key"), mode, id[0], "succeeded");
        submitted.add(job);
        return job;
    }

    private static Map<String, Object> settings(String mode) {
        switch (mode) {
            case "image_bundle":
                return Map.of("scene_count", 2, "aspects", List.of("1:1", "9:16"));
            case "fast_video":
                return Map.of("duration_s", 5, "scene_count", 2);
            case "script_video":
                return Map.of("duration_s", 10, "scene_count", 2);
            default:
                return Map.of("duration_s", 8, "scene_count", 3);
        }
    }

    /** The job id, or null when the API did not answer it (down, restarting, a 5xx): try again. */
    private String post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = request("/v1/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return json.readTree(response.body()).get("id").asString();
        }
        if (response.statusCode() >= 500) {
            return null;
        }
        throw new IllegalStateException(
                "the API refused a chaos job: " + response.statusCode() + " " + response.body());
    }

    private String upload(String fileName, byte[] data) throws IOException, InterruptedException {
        String boundary = "chaos" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = request("/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(data),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            JsonNode asset = json.readTree(response.body());
            return asset.get("id").asString();
        }
        if (response.statusCode() >= 500) {
            return null;
        }
        throw new IllegalStateException("the API refused a photo: " + response.statusCode() + " " + response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    /** Every job submitted so far. */
    List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** Jobs whose submission had to be sent again: the API did not answer (killed, restarting, database away). */
    long resubmissions() {
        return resubmissions.get();
    }
}
