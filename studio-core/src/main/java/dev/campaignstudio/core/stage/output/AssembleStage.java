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
 * {@code assemble} (UGC): the shots as jump cuts in a handheld selfie frame, the lines as the voice-over over a ducked
 * music bed, bold captions a few words at a time, and the hook large at the top for the first two seconds.
 */
public final class AssembleStage implements StageHandler {

    /** Role of the finished video. */
    public static final String ROLE = "final_video";
    /** How long the hook stays on screen. */
    static final long HOOK_MS = 2000;
    /** Most words a caption shows at once. */
    static final int CAPTION_WORDS = 3;

    private final Capabilities capabilities;
    private final RenderSettings render;

    public AssembleStage(Capabilities capabilities, RenderSettings render) {
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
        List<MediaFile> clips = new ArrayList<>();
        List<byte[]> lines = new ArrayList<>();
        List<TimedText> words = new ArrayList<>();
        long start = 0;
        for (StepRecord shot : context.finished(Stages.UGC_MEDIA)) {
            UgcMediaOutputs made = UgcMediaOutputs.of(shot);
            MediaFile clip = SceneVideoStage.media(context, made.clip());
            local.add(clip);
            clips.add(clip);
            lines.add(context.read(made.audio()));
            words.addAll(VoiceoverOutputs.shifted(made.words(), start));
            start += clip.durationMs() != null ? clip.durationMs() : made.durationMs();
        }
        String hook = InterpretPromptStage.brief(context).hook();
        MediaFile first = clips.get(0);
        Stitching stitching = capabilities.port(Capability.STITCH, Stitching.class);
        StitchRequest request = new StitchRequest(
                clips,
                first.width(),
                first.height(),
                render.fps(),
                0,
                new MediaFile(Wav.concat(lines), "audio/wav", null, null, start),
                Phrases.of(words, CAPTION_WORDS),
                true,
                null,
                0,
                Seeds.of(context),
                false,
                0,
                Stitching.CaptionStyle.BOLD,
                List.of(new TimedText(hook, 0, Math.min(HOOK_MS, start))),
                Stitching.Framing.SELFIE);
        MediaFile video =
                stitching.stitch(request.withProduct(Identity.of(context).cutOut(), null));
        local.add(video);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("video", OutputFiles.store(context, video, ROLE));
        outputs.put("duration_ms", video.durationMs());
        outputs.put("speech_ms", start);
        outputs.put("hook", hook);
        outputs.put("captions", VoiceoverStage.timed(request.captions()));
        return new StepResult.Succeeded(outputs, capabilities.adapter(Capability.STITCH));
    }
}
