package dev.campaignstudio.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.SpeechSynthesis;
import dev.campaignstudio.core.capability.Stitching;
import dev.campaignstudio.core.capability.StoryboardWriting;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.capability.VideoGeneration;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.media.LocalMedia;
import dev.campaignstudio.media.SampleProducts;
import java.awt.Color;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders a full-size video with the local adapters the way the pipeline does (scene images and clips are separate
 * steps, so they run in parallel, one per worker; then one stitch), times each stage, and times the ffmpeg command line
 * on the same work for two ratios (docs/media.md "Performance").
 */
public final class MediaBenchmark {

    /** The crossfade between scenes of a fast video (the fast-video pipeline's). */
    public static final long TRANSITION_MS = 250;

    /** Output frame rate. */
    public static final int FPS = 30;

    static final String SCENES = "scene images and clips";
    static final String STITCH = "stitch (decode, compose, captions, mix, encode)";

    /**
     * What to render.
     *
     * @param width   frame width
     * @param height  frame height
     * @param scenes  scenes
     * @param sceneMs each scene's length on screen
     * @param workers scenes rendered at once
     */
    public record Settings(int width, int height, int scenes, long sceneMs, int workers) {}

    /**
     * What was measured.
     *
     * @param stages    wall time of each stage, in order, ms
     * @param imageMs   scene images, summed over the workers, ms
     * @param clipMs    scene clips, summed over the workers, ms
     * @param video     the stitched video
     * @param output    where it was written
     * @param yardstick the ffmpeg command line on the same work
     * @param cpuMs     CPU time of this process (all its threads, native ones included) over every stage, ms
     * @param stitchCpuMs CPU time of this process during the stitch, ms
     */
    public record Result(
            Map<String, Long> stages,
            long imageMs,
            long clipMs,
            MediaFile video,
            Path output,
            FfmpegYardsticks.Figures yardstick,
            long cpuMs,
            long stitchCpuMs) {

        /** Wall time of the stitch. */
        public long stitchMillis() {
            return stages.getOrDefault(STITCH, 0L);
        }

        /** Wall time of every stage together. */
        public long totalMillis() {
            return stages.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Seconds of video. */
        public double seconds() {
            return video.durationMs() / 1000.0;
        }
    }

    private MediaBenchmark() {}

    /** Renders the video, writes it to {@code out}, then runs the ffmpeg yardsticks next to it. */
    public static Result run(Settings settings, Path out) throws Exception {
        LocalMedia media = new LocalMedia();
        Map<String, Long> stages = new LinkedHashMap<>();
        long cpuStart = cpuNanos();
        long t = System.nanoTime();
        byte[] photo = SampleProducts.bottlePhoto(900, 1200, new Color(20, 130, 140), 1);
        ProductAnalysis.CutOut cut = media.cutOut(photo);
        ProductAnalysis.ProductFacts facts = media.analyze(new ProductAnalysis.AnalysisRequest(
                cut.png().data(),
                "Aurora Water Bottle",
                Map.of("brand", "Aurora"),
                "Summer launch: bright, upbeat, beach vibes"));
        t = lap(stages, "cut-out and analysis", t);
        int scenes = settings.scenes();
        StoryboardWriting.Storyboard board = media.plan(new StoryboardWriting.StoryboardRequest(
                "Aurora Water Bottle",
                facts,
                "Summer launch: beach vibes",
                scenes,
                scenes * settings.sceneMs(),
                Style.AUTO,
                1));
        ScriptWriting.Script script = media.write(new ScriptWriting.ScriptRequest(
                "Aurora Water Bottle",
                facts,
                "Summer launch: beach vibes",
                null,
                scenes,
                (int) (scenes * settings.sceneMs() / 1000),
                "en",
                1));
        SpeechSynthesis.Speech speech = media.speak(new SpeechSynthesis.SpeechRequest(script.text(), "default", "en"));
        t = lap(stages, "storyboard, script and speech", t);
        AtomicLong imageNanos = new AtomicLong();
        AtomicLong clipNanos = new AtomicLong();
        List<MediaFile> clips = scenes(media, settings, board, cut, facts, imageNanos, clipNanos);
        t = lap(stages, SCENES, t);
        Stitching.StitchRequest request = stitchRequest(settings, clips, speech);
        long cpuStitch = cpuNanos();
        MediaFile video = media.stitch(request);
        lap(stages, STITCH, t);
        long cpuEnd = cpuNanos();
        Files.write(out, video.data());
        FfmpegYardsticks.Figures yardstick = FfmpegYardsticks.measure(request, speech.wav(), video, out);
        return new Result(
                stages,
                imageNanos.get() / 1_000_000,
                clipNanos.get() / 1_000_000,
                video,
                out,
                yardstick,
                (cpuEnd - cpuStart) / 1_000_000,
                (cpuEnd - cpuStitch) / 1_000_000);
    }

    /** The stitch of a fast video with voice-over: crossfades, subtitles, music bed under the voice. */
    static Stitching.StitchRequest stitchRequest(
            Settings settings, List<MediaFile> clips, SpeechSynthesis.Speech speech) {
        return new Stitching.StitchRequest(
                clips,
                settings.width(),
                settings.height(),
                FPS,
                TRANSITION_MS,
                speech.wav(),
                phrases(speech.words()),
                true,
                null,
                0,
                1,
                false,
                0,
                Stitching.CaptionStyle.SUBTITLE,
                List.of(),
                Stitching.Framing.STEADY);
    }

    /**
     * Each scene's image then its clip, {@code workers} scenes at a time, as the pipeline's workers run them; every
     * clip but the last lasts its scene plus the crossfade, so the stitched video lasts scenes x scene length.
     */
    private static List<MediaFile> scenes(
            LocalMedia media,
            Settings settings,
            StoryboardWriting.Storyboard board,
            ProductAnalysis.CutOut cut,
            ProductAnalysis.ProductFacts facts,
            AtomicLong imageNanos,
            AtomicLong clipNanos)
            throws Exception {
        List<String> palette = facts.palette().stream().map(p -> p.hex()).toList();
        List<StoryboardWriting.Scene> scenes = board.scenes();
        ExecutorService pool = Executors.newFixedThreadPool(settings.workers());
        try {
            List<Future<MediaFile>> clips = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                StoryboardWriting.Scene scene = scenes.get(i);
                long ms = scene.durationMs() + (i == scenes.size() - 1 ? 0 : TRANSITION_MS);
                int index = i;
                clips.add(pool.submit(() -> {
                    long began = System.nanoTime();
                    ImageGeneration.SceneImage image = media.generate(new ImageGeneration.ImageRequest(
                            cut.png().data(),
                            palette,
                            scene.text(),
                            null,
                            Aspect.PORTRAIT_9_16,
                            Math.max(settings.width(), settings.height()),
                            scene.style(),
                            Presentation.PRODUCT_ONLY,
                            scene.order(),
                            0.4,
                            null));
                    long drawn = System.nanoTime();
                    imageNanos.addAndGet(drawn - began);
                    MediaFile clip = media.animate(new VideoGeneration.VideoRequest(
                            image,
                            cut.png().data(),
                            settings.width(),
                            settings.height(),
                            ms,
                            FPS,
                            scene.move() == null ? CameraMove.ZOOM_IN : scene.move(),
                            index));
                    clipNanos.addAndGet(System.nanoTime() - drawn);
                    return new MediaFile(clip.data(), clip.mediaType(), clip.width(), clip.height(), ms);
                }));
            }
            List<MediaFile> done = new ArrayList<>();
            for (Future<MediaFile> clip : clips) {
                done.add(clip.get());
            }
            return done;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Words grouped three at a time, the way short-form captions read. */
    static List<TimedText> phrases(List<TimedText> words) {
        List<TimedText> phrases = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 3) {
            List<TimedText> group = words.subList(i, Math.min(words.size(), i + 3));
            phrases.add(new TimedText(
                    String.join(" ", group.stream().map(TimedText::text).toList())
                            .toUpperCase(),
                    group.get(0).startMs(),
                    group.get(group.size() - 1).endMs()));
        }
        return phrases;
    }

    /** CPU time of this process so far, every thread's, or 0 where the JVM does not tell. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static long lap(Map<String, Long> stages, String name, long since) {
        long now = System.nanoTime();
        stages.put(name, (now - since) / 1_000_000);
        return now;
    }
}
