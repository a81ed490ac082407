package dev.campaignstudio.server.provider;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.media.LocalMedia;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * What the fake fal models make of their inputs, as real files: the image model puts the given product, unchanged, on a
 * plain backdrop in portrait; the video model is the local camera-motion clip of the given image, as long as the asked
 * {@code duration} (5 or 10 s), at a small size.
 */
final class VendorRenders {

    private static final LocalMedia LOCAL = new LocalMedia();

    private VendorRenders() {}

    static byte[] image(JsonNode input) {
        BufferedImage product = decode(input.path("image_url").asString());
        int width = 180;
        int height = 320;
        BufferedImage scene = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scene.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setColor(new Color(236, 232, 224));
        g.fillRect(0, 0, width, height);
        int h = height * 55 / 100;
        int w = Math.min(width - 10, product.getWidth() * h / product.getHeight());
        g.drawImage(product, (width - w) / 2, height - h - height / 10, w, h, null);
        g.dispose();
        return png(scene);
    }

    static byte[] video(JsonNode input) {
        String uri = input.path("image_url").asString();
        byte[] data = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
        BufferedImage decoded = decode(uri);
        MediaFile still = MediaFile.image(data, "image/png", decoded.getWidth(), decoded.getHeight());
        long ms = Long.parseLong(input.path("duration").asString("5")) * 1000;
        try {
            return LOCAL.animate(new VideoRequest(
                            new SceneImage(still, still, new Box(0, 0, decoded.getWidth(), decoded.getHeight())),
                            null,
                            144,
                            256,
                            ms,
                            10,
                            CameraMove.ZOOM_IN,
                            1))
                    .data();
        } catch (StepFault e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage decode(String dataUri) {
        try {
            return ImageIO.read(
                    new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
