package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Capability;
import dev.campaignstudio.core.capability.CapabilityAdapter;
import dev.campaignstudio.core.capability.FidelityCheck;
import dev.campaignstudio.core.capability.FidelityCheck.ClipRequest;
import dev.campaignstudio.core.capability.FidelityCheck.ClipScore;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.LipSync;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code local} adapter: every media capability made on this machine, offline, with no keys, deterministic for a
 * given seed. Product analysis and fidelity with OpenCV, images with Java2D, video with FFmpeg (through JavaCV), speech
 * with FreeTTS, writing from templates. Images and clips are made from the neutral cut-out's own pixels; the character
 * sheet an image or video request may carry is not read, as it only shows the same product again (docs/providers.md).
 */
public final class LocalMedia
        implements CapabilityAdapter,
                ProductAnalysis,
                ImageGeneration,
                VideoGeneration,
                SpeechSynthesis,
                ScriptWriting,
                StoryboardWriting,
                FidelityCheck,
                Stitching,
                LipSync {

    /** The name configuration binds capabilities to. */
    public static final String NAME = "local";

    /**
     * The version of the local algorithms. It is part of every product checkpoint's fingerprint, so it must change
     * whenever a change to any local adapter (cut-out, facts, sheet, scenes, writers, fidelity, ...) alters what it
     * outputs for the same input: otherwise checkpoints made by the old code are reused as if the new code had made
     * them.
     */
    public static final String VERSION = "media-2";

    private final GrabCutCutOut cutOut = new GrabCutCutOut();
    private final ProductDescriber describer = new ProductDescriber();
    private final SceneRenderer renderer = new SceneRenderer();
    private final CharacterSheetRenderer sheets = new CharacterSheetRenderer();
    private final ContactSheetRenderer contactSheets = new ContactSheetRenderer();
    private final UgcWriter ugcWriter = new UgcWriter();
    private final CameraMotionVideo video;
    private final FreeTtsSpeech speech = new FreeTtsSpeech();
    private final TemplateWriters writers = new TemplateWriters();
    private final FidelityScorer fidelity = new FidelityScorer();
    private final FfmpegStitcher stitcher;
    private final DrawnPresenterLipSync lipSync;

    /**
     * @param temp where videos are encoded: clips, lip-sync clips and stitched videos are handed on in files there, so
     *             no video is held whole in memory
     */
    public LocalMedia(TempFiles temp) {
        video = new CameraMotionVideo(temp);
        stitcher = new FfmpegStitcher(temp);
        lipSync = new DrawnPresenterLipSync(temp);
    }

    /** The local adapter encoding videos into the JVM's temporary directory (tools and tests). */
    public LocalMedia() {
        this(TempFiles.system());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@return {@link #VERSION}} */
    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.complementOf(EnumSet.of(Capability.LINK_READER));
    }

    @Override
    public CutOut cutOut(byte[] photo) throws StepFault {
        return cutOut.cutOut(photo);
    }

    @Override
    public ProductFacts analyze(AnalysisRequest request) throws StepFault {
        return describer.analyze(request);
    }

    @Override
    public SceneImage generate(ImageRequest request) throws StepFault {
        return renderer.render(request);
    }

    @Override
    public MediaFile sheet(SheetRequest request) throws StepFault {
        return sheets.render(request);
    }

    @Override
    public MediaFile contactSheet(ContactSheetRequest request) throws StepFault {
        return contactSheets.render(request);
    }

    @Override
    public MediaFile animate(VideoRequest request) throws StepFault {
        return video.animate(request);
    }

    @Override
    public Speech speak(SpeechRequest request) throws StepFault {
        return speech.speak(request);
    }

    @Override
    public Script write(ScriptRequest request) {
        return writers.write(request);
    }

    @Override
    public Brief interpret(BriefRequest request) {
        return ugcWriter.interpret(request);
    }

    @Override
    public UgcScript ugcScript(UgcScriptRequest request) {
        return ugcWriter.script(request);
    }

    @Override
    public Storyboard plan(StoryboardRequest request) {
        return writers.plan(request);
    }

    @Override
    public List<Concept> concepts(ConceptRequest request) {
        return writers.concepts(request);
    }

    @Override
    public FidelityScore score(FidelityRequest request) throws StepFault {
        return fidelity.score(request);
    }

    @Override
    public ClipScore scoreClip(ClipRequest request) throws StepFault {
        return fidelity.scoreClip(request);
    }

    @Override
    public MediaFile stitch(StitchRequest request) throws StepFault {
        return stitcher.stitch(request);
    }

    @Override
    public MediaFile animate(LipSyncRequest request) throws StepFault {
        return lipSync.animate(request);
    }
}
