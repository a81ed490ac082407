package dev.campaignstudio.bench;

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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Renders a full-size video with the local adapters (six 1080x1920 scenes, voice-over, captions, music) and times
 * each stage; then feeds the very frames of the result to the ffmpeg command line with the same codec settings and
 * times that encode, for a ratio.
 */
public final class MediaBenchmark {

    /**
     * What was measured.
     *
     * @param stages        wall time per stage, in order
     * @param seconds       length of the video made
     * @param ffmpegMillis  the ffmpeg command line's encode of the same frames, or -1 when no ffmpeg could run
     * @param ffmpegCommand what was run, or why nothing was
     * @param output        where the video was written
     */
    public record Result(Map<String, Long> stages, double seconds, long ffmpegMillis, String ffmpegCommand, Path output) {

        /** Wall time of the stitch. */
        public long stitchMillis() {
            return stages.getOrDefault("stitch (decode, compose, captions, mix, encode)", 0L);
        }

        /** Wall time of every stage together. */
        public long totalMillis() {
            return stages.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private MediaBenchmark() {
    }

    public static Result run(int width, int height, int scenes, long sceneMs, Path out) throws Exception {
        LocalMedia media = new LocalMedia();
        Map<String, Long> stages = new LinkedHashMap<>();
        long t = System.nanoTime();
        ProductAnalysis.CutOut cut = media.cutOut(SampleProducts.bottlePhoto(900, 1200, new Color(20, 130, 140), 1));
        ProductAnalysis.ProductFacts facts = media.analyze(new ProductAnalysis.AnalysisRequest(cut.png().data(), "Aurora Water Bottle",
                Map.of("brand", "Aurora"), "Summer launch: bright, upbeat, beach vibes"));
        t = lap(stages, "cut-out and analysis", t);
        StoryboardWriting.Storyboard board = media.plan(new StoryboardWriting.StoryboardRequest("Aurora Water Bottle", facts,
                "Summer launch: beach vibes", scenes, scenes * sceneMs, Style.AUTO, 1));
        ScriptWriting.Script script = media.write(new ScriptWriting.ScriptRequest("Aurora Water Bottle", facts, "Summer launch: beach vibes",
                null, scenes, (int) (scenes * sceneMs / 1000), "en", 1));
        SpeechSynthesis.Speech speech = media.speak(new SpeechSynthesis.SpeechRequest(script.text(), "default", "en"));
        t = lap(stages, "storyboard, script and speech", t);
        List<String> palette = facts.palette().stream().map(p -> p.hex()).toList();
        List<ImageGeneration.SceneImage> images = new ArrayList<>();
        for (StoryboardWriting.Scene scene : board.scenes()) {
            images.add(media.generate(new ImageGeneration.ImageRequest(cut.png().data(), palette, scene.text(), null, Aspect.PORTRAIT_9_16,
                    Math.max(width, height), scene.style(), Presentation.PRODUCT_ONLY, scene.order(), 0.4, null)));
        }
        t = lap(stages, "scene images", t);
        List<MediaFile> clips = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            StoryboardWriting.Scene scene = board.scenes().get(i);
            clips.add(media.animate(new VideoGeneration.VideoRequest(images.get(i), cut.png().data(), width, height, scene.durationMs(), 30,
                    scene.move() == null ? CameraMove.ZOOM_IN : scene.move(), i)));
        }
        t = lap(stages, "scene clips (encode)", t);
        MediaFile video = media.stitch(new Stitching.StitchRequest(clips, width, height, 30, 0, speech.wav(), phrases(speech.words()), true,
                null, 0, 1));
        lap(stages, "stitch (decode, compose, captions, mix, encode)", t);
        Files.write(out, video.data());
        Path ffmpeg = Ffmpeg.locate();
        if (ffmpeg == null) {
            return new Result(stages, video.durationMs() / 1000.0, -1, "no runnable ffmpeg: the bundled one needs libpulse0, libva2 and libva-drm2 "
                    + "(apt-get install libpulse0 libva2 libva-drm2), or put an ffmpeg with libopenh264 on the PATH", out);
        }
        return reencode(stages, video, ffmpeg, width, height, out);
    }

    /** Words grouped three at a time, the way short-form captions read. */
    static List<TimedText> phrases(List<TimedText> words) {
        List<TimedText> phrases = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 3) {
            List<TimedText> group = words.subList(i, Math.min(words.size(), i + 3));
            phrases.add(new TimedText(String.join(" ", group.stream().map(TimedText::text).toList()).toUpperCase(),
                    group.get(0).startMs(), group.get(group.size() - 1).endMs()));
        }
        return phrases;
    }

    private static Result reencode(Map<String, Long> stages, MediaFile video, Path ffmpeg, int width, int height, Path out) throws Exception {
        Path audio = Files.createTempFile("bench-audio", ".s16");
        Path again = out.resolveSibling("ffmpeg-" + out.getFileName());
        List<String> command = List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", width + "x" + height, "-r", "30", "-i", "-",
                "-f", "s16le", "-ar", "44100", "-ac", "1", "-i", audio.toString(),
                "-c:v", "libopenh264", "-b:v", Integer.toString(bitrate(width, height)), "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-shortest", again.toString());
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path source = Files.createTempFile("bench-source", ".mp4");
        try {
            Files.write(source, video.data());
            Files.write(audio, samples(source));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long started = System.nanoTime();
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile()); OutputStream pipe = process.getOutputStream()) {
                grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                grabber.start();
                Frame frame;
                byte[] row = new byte[width * height * 3];
                while ((frame = grabber.grabImage()) != null) {
                    java.nio.ByteBuffer buffer = (java.nio.ByteBuffer) frame.image[0];
                    int stride = frame.imageStride;
                    for (int y = 0; y < height; y++) {
                        buffer.position(y * stride);
                        buffer.get(row, y * width * 3, width * 3);
                    }
                    pipe.write(row);
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return new Result(stages, video.durationMs() / 1000.0, -1, "ffmpeg failed: " + String.join(" ", command), out);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(stages, video.durationMs() / 1000.0, millis, String.join(" ", command), out);
        } finally {
            Files.deleteIfExists(audio);
            Files.deleteIfExists(source);
        }
    }

    private static byte[] samples(Path mp4) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                java.nio.ShortBuffer s = (java.nio.ShortBuffer) frame.samples[0];
                while (s.hasRemaining()) {
                    short v = s.get();
                    out.write(v & 0xFF);
                    out.write((v >> 8) & 0xFF);
                }
            }
            return out.toByteArray();
        }
    }

    private static int bitrate(int width, int height) {
        return (int) Math.min(20_000_000, Math.max(400_000, (long) width * height * 30 / 8));
    }

    private static long lap(Map<String, Long> stages, String name, long since) {
        long now = System.nanoTime();
        stages.put(name, (now - since) / 1_000_000);
        return now;
    }
}
