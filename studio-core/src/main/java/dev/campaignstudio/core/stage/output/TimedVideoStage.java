package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timed_video} (script video): a visual per segment whose length is locked to the segment's speech, the
 * segments' speech joined as the voice-over and mixed over a music bed, and captions timed word by word (a few words
 * at a time). The video is as long as the speech. Each segment's image is made inside the {@link FidelityLoop}.
 */
public final class TimedVideoStage implements StageHandler {

    /** Role of the finished video. */
    public static final String ROLE = "final_video";
    /** Role of each segment's clip. */
    public static final String CLIP = "segment_clip";
    /** Role of each segment's image, accepted by the fidelity loop. */
    public static final String IMAGE = "segment_image";
    /** Role of each segment's image without the product (for parallax). */
    public static final String BACKGROUND = "segment_background";
    /** Crossfade between segments. */
    static final long TRANSITION_MS = 300;
    /** Most words a caption shows at once. */
    static final int CAPTION_WORDS = 4;

    private static final CameraMove[] MOVES = {CameraMove.ZOOM_IN, CameraMove.PAN_RIGHT, CameraMove.PARALLAX, CameraMove.ZOOM_OUT,
        CameraMove.PAN_LEFT};
    private static final Style[] STYLES = {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN};

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final FidelityLoop fidelity;

    public TimedVideoStage(Capabilities capabilities, RenderSettings render, FidelityLoop fidelity) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        List<MediaFile> local = new ArrayList<>();
        try {
            return make(context, local);
        } finally {
            TempFiles.delete(local);
        }
    }

    /** Does the work; every video it reads or makes into a local file is added to {@code local}, to be deleted. */
    private StepResult make(StepContext context, List<MediaFile> local) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        Identity identity = Identity.of(context);
        byte[] product = identity.neutralImage();
        VideoGeneration video = capabilities.port(Capability.VIDEO, VideoGeneration.class);
        List<StepRecord> segments = context.finished(Stages.VOICEOVER);
        List<MediaFile> clips = new ArrayList<>();
        List<byte[]> voices = new ArrayList<>();
        List<TimedText> words = new ArrayList<>();
        List<Object> checks = new ArrayList<>();
        Frame frame = Frame.of(settings.aspect(), render.videoLongSide());
        long start = 0;
        for (int i = 0; i < segments.size(); i++) {
            context.cancellation().throwIfCancelled();
            StepRecord segment = segments.get(i);
            long duration = ((Number) segment.outputs().get("duration_ms")).longValue();
            voices.add(context.read((String) segment.outputs().get("audio")));
            words.addAll(VoiceoverStage.timed(segment.outputs().get("words"), start));
            Style style = settings.style() != Style.AUTO ? settings.style() : STYLES[i % STYLES.length];
            Presentation presentation = settings.presentation() != Presentation.MIXED ? settings.presentation()
                    : i % 2 == 0 ? Presentation.PRODUCT_ONLY : Presentation.WITH_MODEL;
            long seed = Seeds.of(context) + i;
            ImageRequest request = new ImageRequest(product, identity.palette(), null, context.inputs().prompt(), settings.aspect(),
                    render.videoLongSide(), style, presentation, seed, settings.creativeVariation(), null);
            FidelityLoop.Outcome outcome = fidelity.make(context, new FidelityLoop.Subject("segment " + (i + 1), request, IMAGE, BACKGROUND));
            if (outcome instanceof FidelityLoop.Drifted drifted) {
                return drifted.rejection();
            }
            FidelityLoop.Accepted accepted = (FidelityLoop.Accepted) outcome;
            checks.add(accepted.summary());
            SceneImage scene = accepted.scene();
            boolean last = i == segments.size() - 1;
            long planned = Math.max(100, duration + (last ? 0 : TRANSITION_MS));
            MediaFile clip = video.animate(new VideoRequest(scene, product, frame.width(), frame.height(), planned, render.fps(),
                    MOVES[i % MOVES.length], seed));
            local.add(clip);
            OutputFiles.store(context, clip, CLIP);
            // laid out at its planned length: a clip is whole frames, up to half a frame longer, which would add up
            clips.add(clip.withDurationMs(planned));
            start += duration;
        }
        MediaFile first = clips.get(0);
        Stitching stitching = capabilities.port(Capability.STITCH, Stitching.class);
        StitchRequest request = new StitchRequest(clips, first.width(), first.height(), render.fps(), TRANSITION_MS,
                new MediaFile(Wav.concat(voices), "audio/wav", null, null, start), Phrases.of(words, CAPTION_WORDS), true, null, 0,
                Seeds.of(context), false, 0, Stitching.CaptionStyle.SUBTITLE, List.of(), Stitching.Framing.STEADY);
        MediaFile finished = stitching.stitch(request.withProduct(Identity.of(context).cutOut(), null));
        local.add(finished);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("video", OutputFiles.store(context, finished, ROLE));
        outputs.put("duration_ms", finished.durationMs());
        outputs.put("speech_ms", start);
        outputs.put("segments", segments.size());
        outputs.put("captions", VoiceoverStage.timed(request.captions()));
        outputs.put(FidelityLoop.OUTPUT, checks);
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STITCH));
    }
}
