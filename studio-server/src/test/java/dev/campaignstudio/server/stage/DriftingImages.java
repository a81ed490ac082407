package dev.campaignstudio.server.stage;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.media.LocalMedia;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An image adapter for tests that serves the local renderer, but recolours the product (real pixels the fidelity check
 * catches) when the prompt says so: always, with {@link #ALWAYS}; or for one scene of one job, with {@link #ONE_SCENE}
 * once the test has named the job and scene ({@link #driftScene}), every generation of that scene's image included.
 * The named scene drifts at once, while the job's other scenes wait until the test lets them go
 * ({@link #releaseOtherScenes}), so a test decides what is still running when the named scene gives up.
 */
public final class DriftingImages implements CapabilityAdapter, ImageGeneration {

    static final String NAME = "drift-test";
    /** A prompt with this makes every image drift. */
    public static final String ALWAYS = "[always drift]";
    /** A prompt with this makes the images of the scene named by {@link #driftScene} drift. */
    static final String ONE_SCENE = "[drift one scene]";

    private final LocalMedia local;
    private volatile CompletableFuture<Set<Long>> driftingSeeds = new CompletableFuture<>();
    private volatile CountDownLatch release = new CountDownLatch(1);

    public DriftingImages(LocalMedia local) {
        this.local = local;
    }

    /** Makes every generation of {@code scene}'s {@code scene_image} of {@code jobId} drift (first and regenerations). */
    void driftScene(String jobId, int scene) {
        long base = Seeds.of(jobId + ":scene_image:" + scene);
        Set<Long> seeds = new HashSet<>();
        seeds.add(base);
        for (int attempt = 2; attempt <= 5; attempt++) {
            seeds.add(Seeds.of(base + ":" + attempt));
        }
        driftingSeeds.complete(seeds);
    }

    /** Lets the other scenes' generations go on. */
    void releaseOtherScenes() {
        release.countDown();
    }

    /** Forgets the named scene, for the next test. */
    void reset() {
        driftingSeeds = new CompletableFuture<>();
        release = new CountDownLatch(1);
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
        return Set.of(Capability.IMAGE);
    }

    @Override
    public SceneImage generate(ImageRequest request) throws StepFault {
        String prompt = request.prompt() == null ? "" : request.prompt();
        boolean oneScene = prompt.contains(ONE_SCENE) && seeds().contains(request.seed());
        boolean drift = prompt.contains(ALWAYS) || oneScene;
        if (!drift) {
            if (prompt.contains(ONE_SCENE)) {
                awaitRelease();
            }
            return local.generate(request);
        }
        return local.generate(new ImageRequest(
                recoloured(request.productPng()),
                request.palette(),
                request.headline(),
                request.prompt(),
                request.aspect(),
                request.longSide(),
                request.style(),
                request.presentation(),
                request.seed(),
                request.variation(),
                request.constraints()));
    }

    private void awaitRelease() {
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the other scenes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Set<Long> seeds() {
        try {
            return driftingSeeds.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test did not name the scene to drift", e);
        }
    }

    @Override
    public MediaFile sheet(SheetRequest request) throws StepFault {
        return local.sheet(request);
    }

    @Override
    public MediaFile contactSheet(ContactSheetRequest request) throws StepFault {
        return local.contactSheet(request);
    }

    /** The product with its hue turned half way round. */
    private static byte[] recoloured(byte[] png) {
        try {
            BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            float[] hsb = new float[3];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    Color.RGBtoHSB(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, hsb);
                    int rgb = Color.HSBtoRGB((hsb[0] + 0.5f) % 1f, Math.max(hsb[1], 0.5f), hsb[2]);
                    out.setRGB(x, y, (argb & 0xFF000000) | (rgb & 0xFFFFFF));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
