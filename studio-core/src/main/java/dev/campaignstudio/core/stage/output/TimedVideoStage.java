package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.job.StepRecord;
import dev.campaignstudio.core.pipeline.Stages;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timed_video} (script video): assembles the segments. Each segment's clip ({@code segment_video}, as long as
 * its speech plus the crossfade) in order, crossfaded; the segments' speech joined as the voice-over and mixed over a
 * music bed; captions timed word by word (a few words at a time), clear of the product. The video is as long as the
 * speech. The segments' images and clips are their own steps, so a retry from a segment keeps those before it.
 */
public final class TimedVideoStage implements StageHandler {

    /** Role of the finished video. */
    public static final String ROLE = "final_video";
    /** Role of each segment's clip. */
    public static final String CLIP = SegmentVideoStage.ROLE;
    /** Role of each segment's image, accepted by the fidelity loop. */
    public static final String IMAGE = SegmentImageStage.ROLE;
    /** Role of each segment's image without the product (for parallax). */
    public static final String BACKGROUND = SegmentImageStage.BACKGROUND;
    /** Crossfade between segments. */
    static final long TRANSITION_MS = SegmentVideoStage.TRANSITION_MS;
    /** Most words a caption shows at once. */
    static final int CAPTION_WORDS = 4;

    private final Capabilities capabilities;
    private final RenderSettings render;

    public TimedVideoStage(Capabilities capabilities, RenderSettings render) {
        this.capabilities = capabilities;
        this.render = render;
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
        List<StepRecord> segments = context.finished(Stages.VOICEOVER);
        List<MediaFile> clips = new ArrayList<>();
        List<byte[]> voices = new ArrayList<>();
        List<TimedText> words = new ArrayList<>();
        long start = 0;
        for (StepRecord segment : segments) {
            context.cancellation().throwIfCancelled();
            VoiceoverOutputs voiceover = VoiceoverOutputs.of(segment);
            long duration = voiceover.durationMs();
            voices.add(context.read(voiceover.audio()));
            words.addAll(VoiceoverOutputs.shifted(voiceover.words(), start));
            ClipOutputs made = ClipOutputs.of(context, Stages.SEGMENT_VIDEO, segment.sceneOrder());
            MediaFile clip = SceneVideoStage.media(context, made.clip());
            local.add(clip);
            long planned = made.durationMs();
            // laid out at its planned length: a clip is whole frames, up to half a frame longer, which would add up
            clips.add(clip.withDurationMs(planned));
            start += duration;
        }
        MediaFile first = clips.get(0);
        Stitching stitching = capabilities.port(Capability.STITCH, Stitching.class);
        StitchRequest request = new StitchRequest(
                clips,
                first.width(),
                first.height(),
                render.fps(),
                TRANSITION_MS,
                new MediaFile(Wav.concat(voices), "audio/wav", null, null, start),
                Phrases.of(words, CAPTION_WORDS),
                true,
                null,
                0,
                Seeds.of(context),
                false,
                0,
                Stitching.CaptionStyle.SUBTITLE,
                List.of(),
                Stitching.Framing.STEADY);
        MediaFile finished =
                stitching.stitch(request.withProduct(Identity.of(context).cutOut(), null));
        local.add(finished);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("video", OutputFiles.store(context, finished, ROLE));
        outputs.put("duration_ms", finished.durationMs());
        outputs.put("speech_ms", start);
        outputs.put("segments", segments.size());
        outputs.put("captions", VoiceoverStage.timed(request.captions()));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STITCH));
    }
}
