package dev.campaignstudio.core.stage.output;

import dev.campaignstudio.core.audio.Wav;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.capability.ImageGeneration.ImageRequest;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.LipSync;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.OutputSettings;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.StageHandler;
import dev.campaignstudio.core.engine.StepContext;
import dev.campaignstudio.core.engine.StepResult;
import dev.campaignstudio.core.stage.Capabilities;
import dev.campaignstudio.core.stage.RenderSettings;
import dev.campaignstudio.core.stage.Seeds;
import dev.campaignstudio.core.stage.fidelity.ClipLoop;
import dev.campaignstudio.core.stage.fidelity.FidelityLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ugc_media} (UGC, on the {@code avatar} queue): one shot's line spoken, and its clip as long as the line: the
 * presenter lip-syncing it, the presenter holding up the product while saying it, or the product close up in a slow
 * push-in while the line plays over it. A close-up's still is made inside the {@link FidelityLoop}; the close-up clip
 * and the clip of the presenter holding the product inside the {@link ClipLoop} (a presenter talking alone shows no
 * product, so has nothing to check).
 */
public final class UgcMediaStage implements StageHandler {

    /** Role of a shot's clip. */
    public static final String CLIP = "ugc_clip";
    /** Role of a shot's spoken line. */
    public static final String AUDIO = "line_audio";
    /** Role of a close-up's still, accepted by the fidelity loop. */
    public static final String CLOSE_UP = "close_up_image";
    /** Smallest share of the frame's height the product takes in a close-up. */
    static final double CLOSE_UP_SHARE = 0.6;

    private final Capabilities capabilities;
    private final RenderSettings render;
    private final FidelityLoop fidelity;
    private final ClipLoop clips;

    public UgcMediaStage(Capabilities capabilities, RenderSettings render, FidelityLoop fidelity, ClipLoop clips) {
        this.capabilities = capabilities;
        this.render = render;
        this.fidelity = fidelity;
        this.clips = clips;
    }

    @Override
    public StepResult execute(StepContext context) throws Exception {
        OutputSettings settings = context.settings().orElseThrow();
        UgcScriptOutputs.Shot shot = UgcScriptOutputs.of(context).shot(context.sceneOrder());
        ShotKind kind = shot.kind();
        String line = shot.line();
        Identity identity = Identity.of(context);
        Frame frame = Frame.of(settings.aspect(), render.videoLongSide());
        long seed = Seeds.of(context);

        Speech speech = capabilities
                .port(Capability.AUDIO, SpeechSynthesis.class)
                .speak(new SpeechRequest(line, settings.voice(), settings.language()));
        long duration = speech.wav().durationMs() != null
                ? speech.wav().durationMs()
                : Wav.durationMs(speech.wav().data());
        ClipLoop.Outcome made;
        String clipId = null;
        String adapter;
        List<Object> checks = new ArrayList<>();
        if (kind == ShotKind.PRODUCT_CLOSEUP) {
            byte[] product = identity.neutralImage();
            byte[] sheet = identity.characterSheet();
            Style style = settings.style() == Style.AUTO ? Style.SURFACE : settings.style();
            ImageRequest request = new ImageRequest(
                    product,
                    identity.palette(),
                    null,
                    context.inputs().prompt(),
                    settings.aspect(),
                    render.videoLongSide(),
                    style,
                    Presentation.PRODUCT_ONLY,
                    seed,
                    settings.creativeVariation(),
                    new Constraints(true, CLOSE_UP_SHARE, 0.5),
                    sheet,
                    shot.direction());
            FidelityLoop.Outcome outcome =
                    fidelity.make(context, new FidelityLoop.Subject("close_up", request, CLOSE_UP, null));
            if (outcome instanceof FidelityLoop.Drifted drifted) {
                return drifted.rejection();
            }
            FidelityLoop.Accepted accepted = (FidelityLoop.Accepted) outcome;
            checks.add(accepted.summary());
            SceneImage scene = accepted.scene();
            VideoGeneration video = capabilities.port(Capability.VIDEO, VideoGeneration.class);
            made = clips.make(
                    context,
                    new ClipLoop.Subject("close_up clip", Presentation.PRODUCT_ONLY, product, CLIP, seed),
                    attempt -> video.animate(new VideoRequest(
                            scene,
                            product,
                            frame.width(),
                            frame.height(),
                            Math.max(100, duration),
                            render.fps(),
                            attempt.steady() ? CameraMove.STATIC : CameraMove.ZOOM_IN,
                            attempt.seed(),
                            sheet,
                            shot.direction())));
            adapter = capabilities.adapter(Capability.VIDEO);
        } else {
            LipSync lipSync = capabilities.port(Capability.LIP_SYNC, LipSync.class);
            if (kind == ShotKind.PRESENTER_WITH_PRODUCT) {
                byte[] held = identity.neutralImage();
                made = clips.make(
                        context,
                        new ClipLoop.Subject("presenter clip", Presentation.WITH_MODEL, held, CLIP, seed),
                        attempt -> lipSync.animate(new LipSyncRequest(
                                speech,
                                frame.width(),
                                frame.height(),
                                render.fps(),
                                identity.palette(),
                                attempt.seed(),
                                held)));
            } else {
                MediaFile talking = lipSync.animate(new LipSyncRequest(
                        speech, frame.width(), frame.height(), render.fps(), identity.palette(), seed, null));
                made = null;
                try {
                    clipId = OutputFiles.store(context, talking, CLIP);
                } finally {
                    TempFiles.delete(talking.file());
                }
            }
            adapter = capabilities.adapter(Capability.LIP_SYNC);
        }
        if (made instanceof ClipLoop.Drifted drifted) {
            return drifted.rejection();
        }
        if (made instanceof ClipLoop.Accepted accepted) {
            checks.add(accepted.summary());
            clipId = accepted.clipId();
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(UgcMediaOutputs.KIND, kind.wire());
        outputs.put(UgcMediaOutputs.LINE, line);
        outputs.put(UgcMediaOutputs.CLIP, clipId);
        outputs.put(UgcMediaOutputs.AUDIO, OutputFiles.store(context, speech.wav(), AUDIO));
        outputs.put(UgcMediaOutputs.DURATION_MS, duration);
        outputs.put(UgcMediaOutputs.WORDS, VoiceoverOutputs.timed(SpokenWords.asWritten(line, speech.words())));
        if (!checks.isEmpty()) {
            outputs.put(FidelityLoop.OUTPUT, checks);
        }
        return new StepResult.Succeeded(outputs, adapter);
    }
}
