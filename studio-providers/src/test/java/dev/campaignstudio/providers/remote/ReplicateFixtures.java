package dev.campaignstudio.providers.remote;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.outbound.AddressRules;
import dev.campaignstudio.providers.http.GuardedHttpClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

/** The {@code replicate} adapter against a fake on loopback, with short waits, and the small requests tests send. */
final class ReplicateFixtures {

    private ReplicateFixtures() {}

    /** The adapter at {@code url} with {@code models} (capability to model version), polling every 20 to 40 ms. */
    static ReplicateAdapter adapter(String url, Map<String, String> models) {
        return new ReplicateAdapter(
                new ProviderClient(new ProviderSettings(
                        "replicate",
                        URI.create(url),
                        "r8_contract",
                        models,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        4,
                        2,
                        Duration.ofMillis(20),
                        Duration.ofSeconds(1),
                        5,
                        Duration.ofMinutes(1))),
                new GuardedHttpClient(new AddressRules(true, false), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                Duration.ofMillis(20),
                Duration.ofMillis(40),
                Duration.ofMinutes(10));
    }

    /** A black 16 x 16 PNG. */
    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A 1.5 s clip of a 16 x 16 scene, 64 x 64 at 10 fps, panning left, with {@code seed}. */
    static VideoRequest video(long seed) throws IOException {
        MediaFile image = MediaFile.image(png(), "image/png", 16, 16);
        return new VideoRequest(
                new SceneImage(image, image, new Box(0, 0, 16, 16)), null, 64, 64, 1500, 10, CameraMove.PAN_LEFT, seed);
    }
}
