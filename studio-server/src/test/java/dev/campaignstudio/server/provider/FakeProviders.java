package dev.campaignstudio.server.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.media.LocalMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One loopback HTTP server speaking both protocols as documented, for the adapters to run whole jobs against:
 * {@code POST /v1/images/edits} (multipart: the product image is placed, unchanged, on a plain backdrop of the asked
 * size, a quarter scale), {@code POST /v1/predictions} and {@code GET /v1/predictions/{id}} (the local camera-motion
 * video of the given image, ready after one poll, its output served under {@code /files/}). It records what it was sent.
 */
public final class FakeProviders implements AutoCloseable {

    /** A prompt containing this makes the image endpoint answer 400 with the caller's key echoed, as a careless provider might. */
    static final String ECHO_KEY = "[echo key]";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final LocalMedia local = new LocalMedia();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger edits = new AtomicInteger();
    final AtomicInteger productImagesSeen = new AtomicInteger();
    final AtomicInteger predictions = new AtomicInteger();

    public FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/images/edits", this::edits);
        server.createContext("/v1/predictions", this::predictions);
        server.createContext("/files/", exchange -> {
            byte[] mp4 = files.get(exchange.getRequestURI().getPath().substring("/files/".length()));
            send(exchange, mp4 == null ? 404 : 200, "video/mp4", mp4 == null ? new byte[0] : mp4);
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void edits(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        edits.incrementAndGet();
        if (text.contains(ECHO_KEY)) {
            String key = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            send(exchange, 400, "application/json", ("{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\"}}").getBytes());
            return;
        }
        int start = text.indexOf("\u0089PNG");
        int end = text.indexOf("IEND", start) + 8;
        BufferedImage product = ImageIO.read(new ByteArrayInputStream(body, start, end - start));
        productImagesSeen.incrementAndGet();
        String size = field(text, "size");
        int width = Integer.parseInt(size.substring(0, size.indexOf('x'))) / 4;
        int height = Integer.parseInt(size.substring(size.indexOf('x') + 1)) / 4;
        BufferedImage scene = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scene.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setColor(new Color(236, 232, 224));
        g.fillRect(0, 0, width, height);
        int h = height * 55 / 100;
        int w = product.getWidth() * h / product.getHeight();
        g.drawImage(product, (width - w) / 2, height - h - height / 10, w, h, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scene, "png", png);
        send(exchange, 200, "application/json", ("{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png.toByteArray())
                + "\"}]}").getBytes());
    }

    private void predictions(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                JsonNode input = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("input");
                String image = input.path("image").asString();
                byte[] png = Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
                MediaFile still = MediaFile.image(png, "image/png", decoded.getWidth(), decoded.getHeight());
                String id = "p" + predictions.incrementAndGet();
                MediaFile clip = local.animate(new VideoRequest(new SceneImage(still, still, new Box(0, 0, decoded.getWidth(), decoded.getHeight())),
                        null, input.path("width").asInt(), input.path("height").asInt(), Math.round(input.path("duration").asDouble() * 1000),
                        input.path("fps").asInt(), CameraMove.ZOOM_IN, input.path("seed").asLong()));
                files.put(id + ".mp4", clip.data());
                polls.put(id, new AtomicInteger());
                send(exchange, 201, "application/json", ("{\"id\":\"" + id + "\",\"status\":\"starting\",\"urls\":{\"get\":\"" + url()
                        + "/v1/predictions/" + id + "\"}}").getBytes());
            } else {
                String id = exchange.getRequestURI().getPath().substring("/v1/predictions/".length());
                boolean done = polls.get(id).incrementAndGet() > 1;
                send(exchange, 200, "application/json", ("{\"id\":\"" + id + "\",\"status\":\"" + (done ? "succeeded" : "processing") + "\""
                        + (done ? ",\"output\":\"" + url() + "/files/" + id + ".mp4\"" : "") + "}").getBytes());
            }
        } catch (Exception e) {
            send(exchange, 500, "application/json", ("{\"detail\":\"" + e.getClass().getSimpleName() + "\"}").getBytes());
        }
    }

    private static String field(String multipart, String name) {
        String marker = "name=\"" + name + "\"\r\n\r\n";
        int at = multipart.indexOf(marker) + marker.length();
        return multipart.substring(at, multipart.indexOf("\r\n", at));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
