package dev.campaignstudio.server.engine;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.server.support.StepGate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The local fidelity checker and video maker, with two places a test can hold a step: {@link #noteWrite} holds the
 * step inside the database work of the fidelity loop's next note (the first job-row lock after a check, on the checking
 * thread), {@link #encode} holds it inside a clip's encode, which then runs {@link #LONG_CLIP_MS} long so that only an
 * encoder that checks for a stop between frames ends it soon; the encode's end is kept in {@link #encodeEnded}.
 */
final class GatedMedia implements CapabilityAdapter, FidelityCheck, VideoGeneration {

    static final String NAME = "gated";
    static final long LONG_CLIP_MS = 120_000;

    final StepGate noteWrite = new StepGate();
    final StepGate encode = new StepGate();
    volatile CompletableFuture<Throwable> encodeEnded = new CompletableFuture<>();
    private final ThreadLocal<Boolean> holdNextLock = ThreadLocal.withInitial(() -> false);
    private final LocalMedia local;

    GatedMedia(LocalMedia local) {
        this.local = local;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "gated-1";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.FIDELITY, Capability.VIDEO);
    }

    @Override
    public FidelityScore score(FidelityRequest request) throws StepFault {
        FidelityScore score = local.score(request);
        if (noteWrite.isArmed()) {
            holdNextLock.set(true);
        }
        return score;
    }

    @Override
    public ClipScore scoreClip(ClipRequest request) throws StepFault {
        return local.scoreClip(request);
    }

    /** Called by the job repository on every lock: holds the step when this thread's next note write was marked. */
    void locking() {
        if (holdNextLock.get()) {
            holdNextLock.set(false);
            noteWrite.pass();
        }
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        if (!encode.isArmed()) {
            return local.animate(request);
        }
        encode.pass();
        VideoRequest longer = new VideoRequest(
                request.scene(),
                request.productPng(),
                request.width(),
                request.height(),
                LONG_CLIP_MS,
                request.fps(),
                request.move(),
                request.seed());
        try {
            MediaFile clip = local.animate(longer);
            encodeEnded.complete(null);
            return clip;
        } catch (RuntimeException | StepFault e) {
            encodeEnded.complete(e);
            throw e;
        }
    }
}
