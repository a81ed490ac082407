package dev.campaignstudio.server.provider;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.providers.contract.FakeOpenAi;
import dev.campaignstudio.providers.contract.FakeReplicate;
import dev.campaignstudio.providers.contract.FakeVendor;
import dev.campaignstudio.providers.contract.VendorContract;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI and Replicate on loopback, each answering only as its published OpenAPI document allows and checking every
 * request against it ({@link FakeVendor}): {@code POST /v1/images/edits} places the product image, unchanged, on a
 * plain
 * backdrop of the asked size at a quarter scale; a prediction is the local camera-motion video of the given image, done
 * after one poll. They count what they were asked and record the keys sent.
 */
public final class FakeProviders implements AutoCloseable {

    /**
     * A prompt containing this makes the image endpoint answer 400 with the caller's key echoed, as a careless provider
     * might.
     */
    static final String ECHO_KEY = "[echo key]";

    private final LocalMedia local = new LocalMedia();
    final AtomicInteger edits = new AtomicInteger();
    final AtomicInteger productImagesSeen = new AtomicInteger();
    final FakeOpenAi openai;
    final FakeReplicate replicate;

    public FakeProviders() {
        openai = new FakeOpenAi(this::edit, new byte[0], request -> "{}");
        openai.vendor().on("POST", "/images/edits", request -> {
            if (request.field("prompt").contains(ECHO_KEY)) {
                String key = request.authorization().substring("Bearer ".length());
                return FakeVendor.json(
                        400,
                        Map.of(
                                "error",
                                Map.of(
                                        "message",
                                        "Incorrect API key provided: " + key,
                                        "type",
                                        "invalid_request_error")));
            }
            return FakeVendor.json(200, FakeOpenAi.imagesAnswer(edit(request)));
        });
        replicate = new FakeReplicate(this::clip, 2);
    }

    public String openaiUrl() {
        return openai.url();
    }

    public String replicateUrl() {
        return replicate.url();
    }

    /** Predictions created. */
    int predictions() {
        return replicate.created();
    }

    /** The Authorization headers sent to either. */
    List<String> authorizations() {
        List<String> all = new ArrayList<>();
        openai.vendor().requests().forEach(r -> all.add(r.authorization()));
        replicate.vendor().requests().forEach(r -> all.add(r.authorization()));
        return all;
    }

    /** Whatever either saw that its document does not allow. */
    List<String> problems() {
        List<String> all = new ArrayList<>(openai.vendor().problems());
        all.addAll(replicate.vendor().problems());
        return all;
    }

    private byte[] edit(FakeVendor.Request request) throws IOException {
        edits.incrementAndGet();
        VendorContract.Part first = request.parts().stream()
                .filter(part -> part.fileName() != null)
                .findFirst()
                .orElseThrow();
        BufferedImage product = ImageIO.read(new ByteArrayInputStream(first.data()));
        productImagesSeen.incrementAndGet();
        String size = request.field("size");
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
        return png.toByteArray();
    }

    private byte[] clip(JsonNode input) throws IOException {
        String image = input.path("image").asString();
        byte[] png = Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        MediaFile still = MediaFile.image(png, "image/png", decoded.getWidth(), decoded.getHeight());
        try {
            return local.animate(new VideoRequest(
                            new SceneImage(still, still, new Box(0, 0, decoded.getWidth(), decoded.getHeight())),
                            null,
                            input.path("width").asInt(),
                            input.path("height").asInt(),
                            Math.round(input.path("duration").asDouble() * 1000),
                            input.path("fps").asInt(),
                            CameraMove.ZOOM_IN,
                            input.path("seed").asLong()))
                    .data();
        } catch (dev.campaignstudio.core.capability.StepFault fault) {
            throw new IOException(fault.getMessage(), fault);
        }
    }

    @Override
    public void close() {
        openai.close();
        replicate.close();
    }
}
