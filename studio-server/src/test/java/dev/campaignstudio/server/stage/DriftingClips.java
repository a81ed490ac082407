package dev.campaignstudio.server.stage;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.media.LocalMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A video adapter for tests that serves the local camera moves, but makes the next {@link #drift(int)} clips with the
 * product squashed to 55 % of its width (real pixels the clip check catches).
 */
final class DriftingClips implements CapabilityAdapter, VideoGeneration {

    static final String NAME = "drift-clips-test";

    private final LocalMedia local;
    private final AtomicInteger drifting = new AtomicInteger();

    DriftingClips(LocalMedia local) {
        this.local = local;
    }

    /** Makes the next {@code clips} clips drift. */
    void drift(int clips) {
        drifting.set(clips);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.VIDEO);
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        if (drifting.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return local.animate(request);
        }
        SceneImage scene = request.scene();
        MediaFile drifted = MediaFile.image(
                squashed(scene),
                "image/png",
                scene.image().width(),
                scene.image().height());
        return local.animate(new VideoRequest(
                new SceneImage(drifted, scene.background(), scene.productBox()),
                null,
                request.width(),
                request.height(),
                request.durationMs(),
                request.fps(),
                request.move(),
                request.seed()));
    }

    /** The product drawn at 55 % of its width over the scene's own background: a shape the clip check catches. */
    private static byte[] squashed(SceneImage scene) {
        try {
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(scene.image().data()));
            BufferedImage out =
                    ImageIO.read(new ByteArrayInputStream(scene.background().data()));
            Box box = scene.productBox();
            BufferedImage product = image.getSubimage(box.x(), box.y(), box.width(), box.height());
            Graphics2D g = out.createGraphics();
            int w = (int) Math.round(box.width() * 0.55);
            g.drawImage(product, box.x() + (box.width() - w) / 2, box.y(), w, box.height(), null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
