package dev.campaignstudio.bench;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.media.StitchYardstick;
import dev.campaignstudio.media.StitchYardstick.CaptionImage;
import dev.campaignstudio.media.StitchYardstick.ClipPlace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The media benchmark's yardsticks, both the ffmpeg command line with the codec settings of our writer (OpenH264 at the
 * same bitrate and GOP, AAC 128k mono): (1) encoding the final frames once (re-encoding our video, less the time it
 * takes the same ffmpeg only to decode it), and (2) running the same stitch: decoding the same clips, the same
 * crossfades at the same places, the same captions (drawn once by our caption code, overlaid by ffmpeg at their
 * times) and the same audio mix (voice-over, the same music bed ducked under it, limited), with
 * {@code -filter_complex}.
 */
public final class FfmpegYardsticks {

    /**
     * What the ffmpeg command line took.
     *
     * @param encodeMillis   encoding the final frames once, ms, or -1 when not measured
     * @param decodeMillis   decoding our video alone (taken off the re-encode), ms
     * @param stitchMillis   the same stitch, ms, or -1 when not measured
     * @param stitchCommand  the stitch's command line (inputs in a scratch folder)
     * @param stitchOutput   the video ffmpeg stitched, or null
     * @param note           why a figure is missing, or null
     * @param encodeCpuMillis CPU time (user and system, as ffmpeg's -benchmark reports it) of the encode, ms
     * @param stitchCpuMillis CPU time of the same stitch, ms
     */
    public record Figures(
            long encodeMillis,
            long decodeMillis,
            long stitchMillis,
            String stitchCommand,
            Path stitchOutput,
            String note,
            long encodeCpuMillis,
            long stitchCpuMillis) {

        static Figures missing(String note) {
            return new Figures(-1, -1, -1, null, null, note, -1, -1);
        }
    }

    /**
     * The re-encode less its decode, or the whole re-encode when a loaded machine timed the decode alone at least as
     * long as both: never zero or negative (the yardstick is then larger by the decode's time, which flatters our
     * ratio a little; the printed figures show both times).
     */
    static long encodeOnly(long reencodeMillis, long decodeMillis) {
        long less = reencodeMillis - decodeMillis;
        return less > 0 ? less : reencodeMillis;
    }

    /** Wall and CPU time of one ffmpeg run, ms. */
    private record Took(long millis, long cpuMillis) {}

    private static final Pattern BENCHMARK = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");

    private FfmpegYardsticks() {}

    /** Runs both yardsticks for {@code request}, whose result {@code video} was written to {@code out}. */
    static Figures measure(StitchRequest request, MediaFile voiceOver, MediaFile video, Path out)
            throws IOException, InterruptedException {
        Path ffmpeg = Ffmpeg.locate();
        if (ffmpeg == null) {
            return Figures.missing("no runnable ffmpeg: the one bundled with JavaCV needs the Debian packages"
                    + " libpulse0, libva2 and libva-drm2 (apt-get install -y libpulse0 libva2 libva-drm2), or put an"
                    + " ffmpeg with libopenh264 on the PATH");
        }
        Path scratch = Files.createTempDirectory("studio-bench-ffmpeg");
        try {
            List<String> codec = codec(request);
            Took decode = time(
                    List.of(
                            ffmpeg.toString(),
                            "-hide_banner",
                            "-loglevel",
                            "error",
                            "-y",
                            "-i",
                            out.toString(),
                            "-f",
                            "null",
                            "-"),
                    scratch);
            List<String> reencode = new ArrayList<>(
                    List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", out.toString()));
            reencode.addAll(codec);
            reencode.add(
                    out.resolveSibling("ffmpeg-encode-" + out.getFileName()).toString());
            Took encode = time(reencode, scratch);
            Path stitched = out.resolveSibling("ffmpeg-stitch-" + out.getFileName());
            List<String> stitch = stitchCommand(ffmpeg, request, voiceOver, scratch, codec, stitched);
            Took same = time(stitch, scratch);
            return new Figures(
                    encodeOnly(encode.millis(), decode.millis()),
                    decode.millis(),
                    same.millis(),
                    String.join(" ", stitch).replace(scratch + "/", ""),
                    stitched,
                    null,
                    encodeOnly(encode.cpuMillis(), decode.cpuMillis()),
                    same.cpuMillis());
        } catch (FfmpegFailed failed) {
            return Figures.missing(failed.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The output settings of our writer (Mp4Writer): OpenH264 at ~0.12 bits a pixel, GOP 2 s, AAC 128k mono. */
    private static List<String> codec(StitchRequest request) {
        long bitrate =
                Math.min(20_000_000, Math.max(400_000, (long) request.width() * request.height() * request.fps() / 8));
        return List.of(
                "-c:v",
                "libopenh264",
                "-b:v",
                Long.toString(bitrate),
                "-g",
                Integer.toString(request.fps() * 2),
                "-pix_fmt",
                "yuv420p",
                "-r",
                Integer.toString(request.fps()),
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-ar",
                "44100",
                "-ac",
                "1");
    }

    /** The same stitch as one ffmpeg command; writes its inputs (clips, voice, music, captions) into {@code dir}. */
    static List<String> stitchCommand(
            Path ffmpeg, StitchRequest request, MediaFile voiceOver, Path dir, List<String> codec, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        List<MediaFile> clips = request.clips();
        for (int k = 0; k < clips.size(); k++) {
            Path clip =
                    Files.write(dir.resolve("clip-" + k + ".mp4"), clips.get(k).data());
            command.addAll(List.of("-i", clip.toString()));
        }
        command.addAll(List.of(
                "-i", Files.write(dir.resolve("voice.wav"), voiceOver.data()).toString()));
        byte[] music = StitchYardstick.musicBed(request);
        command.addAll(
                List.of("-i", Files.write(dir.resolve("music.wav"), music).toString()));
        List<CaptionImage> captions = StitchYardstick.captions(request);
        for (int j = 0; j < captions.size(); j++) {
            command.addAll(List.of(
                    "-i",
                    Files.write(
                                    dir.resolve("caption-" + j + ".png"),
                                    captions.get(j).png())
                            .toString()));
        }
        Path graph =
                Files.writeString(dir.resolve("graph.txt"), filterGraph(request, captions), StandardCharsets.UTF_8);
        double seconds = StitchYardstick.frames(request) / (double) request.fps();
        command.addAll(List.of("-filter_complex_script", graph.toString(), "-map", "[vout]", "-map", "[aout]"));
        command.addAll(codec);
        command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", seconds), output.toString()));
        return command;
    }

    /**
     * The filter graph: each clip cut to its span, at the output's rate, covering the frame; crossfades where the
     * stitcher overlaps clips; each caption overlaid from its start to its end; the music ducked under the voice,
     * mixed and limited.
     */
    static String filterGraph(StitchRequest request, List<CaptionImage> captions) {
        List<ClipPlace> places = StitchYardstick.clips(request);
        int w = request.width();
        int h = request.height();
        StringBuilder graph = new StringBuilder();
        for (int k = 0; k < places.size(); k++) {
            graph.append(String.format(
                    Locale.ROOT,
                    "[%d:v]trim=duration=%.4f,setpts=PTS-STARTPTS,fps=%d,"
                            + "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1,format=yuv420p[v%d];%n",
                    k,
                    places.get(k).seconds(),
                    request.fps(),
                    w,
                    h,
                    w,
                    h,
                    k));
        }
        String current = "v0";
        for (int k = 1; k < places.size(); k++) {
            ClipPlace place = places.get(k);
            String next = "x" + k;
            if (place.fadeSeconds() > 0) {
                graph.append(String.format(
                        Locale.ROOT,
                        "[%s][v%d]xfade=transition=fade:duration=%.4f:offset=%.4f[%s];%n",
                        current,
                        k,
                        place.fadeSeconds(),
                        place.startSeconds(),
                        next));
            } else {
                graph.append(String.format(Locale.ROOT, "[%s][v%d]concat=n=2:v=1:a=0[%s];%n", current, k, next));
            }
            current = next;
        }
        int firstCaption = places.size() + 2;
        for (int j = 0; j < captions.size(); j++) {
            CaptionImage caption = captions.get(j);
            String next = "c" + j;
            graph.append(String.format(
                    Locale.ROOT,
                    "[%s][%d:v]overlay=x=%d:y=%d:enable='gte(t,%.3f)*lt(t,%.3f)'[%s];%n",
                    current,
                    firstCaption + j,
                    caption.x(),
                    caption.y(),
                    caption.startMs() / 1000.0,
                    caption.endMs() / 1000.0,
                    next));
            current = next;
        }
        graph.append(String.format(Locale.ROOT, "[%s]null[vout];%n", current));
        int voice = places.size();
        graph.append(String.format(
                Locale.ROOT, "[%d:a]aresample=44100,aformat=channel_layouts=mono,apad,asplit=2[vs][vm];%n", voice));
        graph.append(String.format(Locale.ROOT, "[%d:a]aformat=channel_layouts=mono[music];%n", voice + 1));
        graph.append("[music][vs]sidechaincompress=threshold=0.03:ratio=6:attack=10:release=250[ducked];\n");
        graph.append("[ducked][vm]amix=inputs=2:duration=first:normalize=0,alimiter=limit=0.95[aout]\n");
        return graph.toString();
    }

    /** Runs {@code command} (with {@code -benchmark}, which prints its CPU time) to the end. */
    private static Took time(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("ffmpeg.log");
        List<String> measured = new ArrayList<>(command);
        measured.add(1, "-benchmark");
        int level = measured.indexOf("-loglevel");
        measured.set(level + 1, "info");
        measured.add(level, "-nostats");
        Process process = new ProcessBuilder(measured)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long started = System.nanoTime();
        boolean ended = process.waitFor(30, TimeUnit.MINUTES);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!ended) {
            process.destroyForcibly();
            throw new FfmpegFailed("ffmpeg did not finish within 30 minutes");
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            String tail = said.replaceAll("\\s+", " ").trim();
            throw new FfmpegFailed("ffmpeg failed (exit " + process.exitValue() + "): "
                    + tail.substring(Math.max(0, tail.length() - 300)));
        }
        Matcher cpu = BENCHMARK.matcher(said);
        long cpuMillis = cpu.find()
                ? Math.round((Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2))) * 1000)
                : -1;
        return new Took(millis, cpuMillis);
    }

    /** The ffmpeg command line failed; its message is one line. */
    private static final class FfmpegFailed extends IOException {
        FfmpegFailed(String message) {
            super(message);
        }
    }
}
