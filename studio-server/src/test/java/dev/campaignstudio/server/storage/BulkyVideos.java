package dev.campaignstudio.server.storage;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A video and stitch adapter whose files are large, for measuring the data path rather than the encoder: each clip
 * is {@link #CLIP_BYTES} of seeded noise written 64 KB at a time into a file under the service's temporary directory,
 * and a stitch is its clips' bytes one after the other, read 64 KB at a time from the files the stage hands in. A
 * clip handed to the stitch in memory is refused, so the stage must hand clips on as files. It also checks the clips'
 * fidelity (noise is not a video to decode): each clip passes at once if it was handed over as a file, and is refused
 * in memory; stills are scored by the local adapter.
 */
final class BulkyVideos implements CapabilityAdapter, VideoGeneration, Stitching, FidelityCheck {

    static final String NAME = "bulky";
    static final int CLIP_BYTES = 80 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] FRAME = png();

    final AtomicInteger clipsInMemory = new AtomicInteger();
    private final TempFiles temp;
    private final FidelityCheck stills;

    BulkyVideos(TempFiles temp, FidelityCheck stills) {
        this.temp = temp;
        this.stills = stills;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "bulky-1";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.VIDEO, Capability.STITCH, Capability.FIDELITY);
    }

    @Override
    public FidelityScore score(FidelityRequest request) throws StepFault {
        return stills.score(request);
    }

    @Override
    public ClipScore scoreClip(ClipRequest request) throws StepFault {
        if (!request.clip().onDisk()) {
            clipsInMemory.incrementAndGet();
            throw StepFault.permanent("PROVIDER_ERROR", "a clip was handed to the fidelity check in memory");
        }
        FidelityScore faithful = new FidelityScore(1, 1, 1, 1, 1, null);
        return new ClipScore(faithful, List.of(1.0), List.of(0L), MediaFile.image(FRAME, "image/png", 2, 2));
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        SplittableRandom random = new SplittableRandom(request.seed() * 31 + request.durationMs());
        byte[] chunk = new byte[CHUNK];
        try {
            Path file = temp.create("bulky-clip", ".mp4");
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int written = 0; written < CLIP_BYTES; written += CHUNK) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                }
            }
            return MediaFile.inFile(file, "video/mp4", request.width(), request.height(), request.durationMs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MediaFile stitch(StitchRequest request) throws StepFault {
        try {
            Path file = temp.create("bulky-video", ".mp4");
            byte[] chunk = new byte[CHUNK];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (MediaFile clip : request.clips()) {
                    if (!clip.onDisk()) {
                        clipsInMemory.incrementAndGet();
                        throw StepFault.permanent("PROVIDER_ERROR", "a clip was handed to the stitch in memory");
                    }
                    try (InputStream in = clip.open()) {
                        for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                            out.write(chunk, 0, n);
                        }
                    }
                }
            }
            return MediaFile.inFile(file, "video/mp4", request.width(), request.height(), request.durationMs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
