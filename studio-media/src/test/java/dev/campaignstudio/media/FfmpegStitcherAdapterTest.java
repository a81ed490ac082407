package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.Stitching.CaptionStyle;
import dev.campaignstudio.core.capability.Stitching.Framing;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TimedText;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stitch options, decoded from what FFmpeg wrote: clip sound, the beat, caption styles, headlines, framing, length. */
class FfmpegStitcherAdapterTest {

    private static final int W = 160;
    private static final int H = 284;
    private static final Color BLUE = new Color(70, 110, 160);
    private static final double TONE_HZ = Mp4Writer.SAMPLE_RATE / 16.0;

    private final FfmpegStitcher stitcher = new FfmpegStitcher();

    @Test
    void clipSoundPlaysInItsClipsSpanFadingThroughTheCrossfadeAndOnlyWhenAsked() throws Exception {
        List<MediaFile> clips = List.of(
                ClipFixture.still(ClipFixture.plain(W, H, BLUE), 1_000, 30, ClipFixture.tone(TONE_HZ, 0.3, 1_000)),
                ClipFixture.still(ClipFixture.plain(W, H, Color.ORANGE), 1_000, 30, null));

        short[] kept = Mp4Reader.audio(stitcher.stitch(request(
                        clips, 200, false, 0, true, List.of(), List.of(), CaptionStyle.SUBTITLE, Framing.STEADY))
                .data());
        assertThat(ClipFixture.rms(kept, 50, 750))
                .as("the first clip's tone, alone")
                .isGreaterThan(2_000);
        assertThat(ClipFixture.rms(kept, 830, 970))
                .as("the tone fading out under the crossfade")
                .isBetween(ClipFixture.rms(kept, 1_050, 1_750) + 300, ClipFixture.rms(kept, 50, 750) - 300);
        assertThat(ClipFixture.rms(kept, 1_050, 1_750))
                .as("the second clip has no sound")
                .isLessThan(30);

        short[] dropped = Mp4Reader.audio(stitcher.stitch(request(
                        clips, 200, false, 0, false, List.of(), List.of(), CaptionStyle.SUBTITLE, Framing.STEADY))
                .data());
        assertThat(ClipFixture.rms(dropped, 50, 750))
                .as("clip sound is left out unless asked for")
                .isLessThan(30);
    }

    @Test
    void musicDucksUnderClipSoundAsItDoesUnderAVoiceOver() throws Exception {
        List<MediaFile> clips = List.of(
                ClipFixture.still(ClipFixture.plain(W, H, BLUE), 1_000, 30, ClipFixture.tone(TONE_HZ, 0.3, 1_000)),
                ClipFixture.still(ClipFixture.plain(W, H, Color.ORANGE), 1_000, 30, null));
        double ducked = musicUnderTheFirstClip(
                request(clips, 0, true, 120, true, List.of(), List.of(), CaptionStyle.SUBTITLE, Framing.STEADY));
        double open = musicUnderTheFirstClip(
                request(clips, 0, true, 120, false, List.of(), List.of(), CaptionStyle.SUBTITLE, Framing.STEADY));
        assertThat(ducked / open)
                .as("music under the clip's sound, relative to without it")
                .isBetween(0.3, 0.6);
    }

    /** The music's level (the tone filtered out) under the first clip, relative to under the second. */
    private double musicUnderTheFirstClip(StitchRequest request) throws Exception {
        short[] sound = Mp4Reader.audio(stitcher.stitch(request).data());
        short[] music = new short[sound.length];
        double sum = 0;
        for (int i = 0; i < sound.length; i++) {
            sum += sound[i] - (i >= 16 ? sound[i - 16] : 0);
            music[i] = (short) Math.round(sum / 16);
        }
        return ClipFixture.rms(music, 100, 900) / ClipFixture.rms(music, 1_300, 1_900);
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 90})
    void aRequestedTempoPutsAClearOnsetOnEveryMultipleOfItsBeat(int bpm) throws Exception {
        MediaFile still = ClipFixture.still(ClipFixture.plain(W, H, BLUE), 2_000, 30, null);
        short[] sound = Mp4Reader.audio(stitcher.stitch(request(
                        List.of(still, still),
                        0,
                        true,
                        bpm,
                        false,
                        List.of(),
                        List.of(),
                        CaptionStyle.SUBTITLE,
                        Framing.STEADY))
                .data());
        double beat = 60_000.0 / bpm;
        List<Double> onsets = onsetsMs(sound);
        int beats = (int) Math.ceil(4_000 / beat - 0.1);
        assertThat(onsets).as("one onset a beat").hasSize(beats);
        for (double onset : onsets) {
            double offBeat = Math.abs(onset - Math.round(onset / beat) * beat);
            assertThat(offBeat)
                    .as("onset at %.1f ms against a beat of %.2f ms", onset, beat)
                    .isLessThan(15);
        }
    }

    /**
     * Onsets: where the sound's brightness (energy of its first difference, 2 ms windows every 1 ms) climbs through
     * 8 dB below its loudest (from silence before the start), at least 100 ms after the last onset.
     */
    private static List<Double> onsetsMs(short[] sound) {
        int hop = Mp4Writer.SAMPLE_RATE / 1_000;
        int windows = (sound.length - 2 * hop) / hop;
        double[] level = new double[windows];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < windows; w++) {
            double energy = 0;
            for (int i = Math.max(1, w * hop); i < w * hop + 2 * hop; i++) {
                double d = sound[i] - sound[i - 1];
                energy += d * d;
            }
            level[w] = 10 * Math.log10(energy / (2 * hop) + 1);
            loudest = Math.max(loudest, level[w]);
        }
        List<Double> onsets = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            boolean crossing = level[w] >= loudest - 8 && (w == 0 || level[w - 1] < loudest - 8);
            if (crossing && (onsets.isEmpty() || w - onsets.get(onsets.size() - 1) > 100)) {
                onsets.add(w + 1.0);
            }
        }
        return onsets;
    }

    @Test
    void boldCaptionsShowOneLargeOutlinedPhraseAtATimeALittleBelowTheMiddle() throws Exception {
        MediaFile still = ClipFixture.still(ClipFixture.plain(W, H, BLUE), 2_000, 30, null);
        List<TimedText> captions =
                List.of(new TimedText("Cold", 0, 1_000), new TimedText("Cold all day, every day", 1_000, 2_000));
        List<BufferedImage> plain = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still), 0, false, 0, false, List.of(), List.of(), CaptionStyle.BOLD, Framing.STEADY))
                .data());
        List<BufferedImage> bold = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still), 0, false, 0, false, captions, List.of(), CaptionStyle.BOLD, Framing.STEADY))
                .data());
        List<BufferedImage> subtitle = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still), 0, false, 0, false, captions, List.of(), CaptionStyle.SUBTITLE, Framing.STEADY))
                .data());

        Changed boldText = Changed.between(plain.get(15), bold.get(15));
        Changed subtitleText = Changed.between(plain.get(15), subtitle.get(15));
        assertThat(boldText.centreY() / H)
                .as("BOLD sits a little below the middle")
                .isBetween(0.53, 0.67);
        assertThat(subtitleText.centreY() / H)
                .as("SUBTITLE sits on the lower third")
                .isGreaterThan(0.68);
        assertThat(boldText.rows()).as("BOLD letters are larger").isGreaterThan((int) (subtitleText.rows() * 1.4));
        assertThat(boldText.count()).as("and heavier").isGreaterThan(subtitleText.count() * 2);
        assertThat(boldText.white()).as("white letters").isGreaterThan(50);
        assertThat(boldText.dark()).as("with a dark outline").isGreaterThan(boldText.white() / 2);
        assertThat(Probe.difference(bold.get(36), bold.get(57)))
                .as("BOLD moves on to the caption's next phrase")
                .isGreaterThan(1);
        assertThat(Probe.difference(subtitle.get(36), subtitle.get(57)))
                .as("SUBTITLE holds the whole caption")
                .isLessThan(0.5);
    }

    @Test
    void aHeadlineIsDrawnLargeNearTheTopOnlyWhileItIsActive() throws Exception {
        MediaFile still = ClipFixture.still(ClipFixture.plain(W, H, BLUE), 2_000, 30, null);
        List<TimedText> hook = List.of(new TimedText("Stop scrolling", 0, 1_000));
        List<BufferedImage> plain = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still),
                        0,
                        false,
                        0,
                        false,
                        List.of(),
                        List.of(),
                        CaptionStyle.SUBTITLE,
                        Framing.STEADY))
                .data());
        List<BufferedImage> headed = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still), 0, false, 0, false, List.of(), hook, CaptionStyle.SUBTITLE, Framing.STEADY))
                .data());

        Changed during = Changed.between(plain.get(15), headed.get(15));
        assertThat(during.top() / (double) H).as("the band starts near the top").isBetween(0.05, 0.12);
        assertThat(during.bottom() / (double) H)
                .as("and stays in the top quarter")
                .isLessThan(0.25);
        assertThat(during.white()).as("a solid light band").isGreaterThan(W * 10);
        assertThat(during.dark()).as("with dark letters on it").isGreaterThan(50);
        assertThat(Changed.between(plain.get(45), headed.get(45)).count())
                .as("gone once the overlay ends")
                .isZero();
    }

    @Test
    void selfieFramingSwaysAStillClipSlightlyAndSmoothly() throws Exception {
        MediaFile still = ClipFixture.still(ClipFixture.markers(W, H), 2_000, 30, null);
        List<double[]> steady = markerPositions(ClipFixture.frames(stitcher.stitch(request(
                        List.of(still),
                        0,
                        false,
                        0,
                        false,
                        List.of(),
                        List.of(),
                        CaptionStyle.SUBTITLE,
                        Framing.STEADY))
                .data()));
        List<double[]> selfie = markerPositions(ClipFixture.frames(stitcher.stitch(request(
                        List.of(still),
                        0,
                        false,
                        0,
                        false,
                        List.of(),
                        List.of(),
                        CaptionStyle.SUBTITLE,
                        Framing.SELFIE))
                .data()));

        assertThat(travel(steady)).as("a steady frame holds still").isLessThan(0.2);
        assertThat(travel(selfie)).as("the hand drifts, a few pixels at most").isBetween(0.8, 0.05 * Math.min(W, H));
        double largestStep = 0;
        for (int i = 1; i < selfie.size(); i++) {
            largestStep = Math.max(
                    largestStep,
                    Math.hypot(selfie.get(i)[0] - selfie.get(i - 1)[0], selfie.get(i)[1] - selfie.get(i - 1)[1]));
        }
        assertThat(largestStep).as("smoothly, less than a pixel a frame").isLessThan(1);
    }

    @Test
    void selfieFramingPunchesInEveryOtherClipSoCutsJump() throws Exception {
        MediaFile still = ClipFixture.still(ClipFixture.markers(W, H), 1_000, 30, null);
        List<BufferedImage> frames = ClipFixture.frames(stitcher.stitch(request(
                        List.of(still, still, still),
                        0,
                        false,
                        0,
                        false,
                        List.of(),
                        List.of(),
                        CaptionStyle.SUBTITLE,
                        Framing.SELFIE))
                .data());
        double[] first = barsAt(frames.get(15));
        double[] second = barsAt(frames.get(45));
        double[] third = barsAt(frames.get(75));
        assertThat(second[0]).as("the left marker moves out").isLessThan(first[0] - 3);
        assertThat(second[1]).as("the right marker moves out").isGreaterThan(first[1] + 3);
        assertThat((second[1] - second[0]) / (first[1] - first[0]))
                .as("the second clip is scaled by the punch-in")
                .isCloseTo(Handheld.PUNCH_IN, within(0.02));
        assertThat((third[1] - third[0]) / (first[1] - first[0]))
                .as("the third is back out")
                .isCloseTo(1, within(0.02));
    }

    static Stream<Arguments> lengths() {
        MediaFile blue = ClipFixture.still(ClipFixture.plain(W, H, BLUE), 1_000, 30, null);
        MediaFile red15 = ClipFixture.still(ClipFixture.plain(W, H, Color.RED), 1_000, 15, null);
        MediaFile green24 = ClipFixture.still(ClipFixture.plain(200, 300, Color.GREEN), 1_500, 24, null);
        MediaFile toned =
                ClipFixture.still(ClipFixture.plain(W, H, Color.ORANGE), 1_200, 30, ClipFixture.tone(440, 0.3, 1_200));
        return Stream.of(
                Arguments.of(
                        "hard cuts",
                        new StitchRequest(List.of(blue, red15), W, H, 30, 0, null, List.of(), true, null, 0, 1)),
                Arguments.of(
                        "crossfades off the frame grid and an end card",
                        new StitchRequest(
                                List.of(blue, red15, green24), W, H, 30, 250, null, List.of(), true, "End", 700, 2)),
                Arguments.of(
                        "25 fps, odd lengths",
                        new StitchRequest(
                                List.of(red15, green24), W, H, 25, 130, null, List.of(), true, "End", 333, 3)),
                Arguments.of(
                        "clip sound, selfie",
                        new StitchRequest(
                                List.of(toned, blue, toned),
                                W,
                                H,
                                30,
                                100,
                                null,
                                List.of(),
                                true,
                                "End",
                                400,
                                4,
                                true,
                                150,
                                CaptionStyle.BOLD,
                                List.of(),
                                Framing.SELFIE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lengths")
    void theVideoLastsTheRequestedDurationWithSoundThroughout(String name, StitchRequest request) throws Exception {
        MediaFile out = stitcher.stitch(request);
        Probe probe = Probe.of(out.data());
        double frameMs = 1_000.0 / request.fps();
        assertThat(probe.frames() * frameMs).as("frames").isCloseTo(request.durationMs(), within(frameMs));
        assertThat(probe.durationSeconds() * 1_000).as("container").isCloseTo(request.durationMs(), within(frameMs));
        assertThat((double) out.durationMs()).as("stated").isCloseTo(request.durationMs(), within(frameMs));
        short[] sound = Mp4Reader.audio(out.data());
        assertThat(sound.length * 1_000.0 / Mp4Writer.SAMPLE_RATE)
                .as("sound to the end")
                .isGreaterThanOrEqualTo(request.durationMs() - frameMs);
        assertThat(ClipFixture.rms(sound, request.durationMs() - 150, request.durationMs() - 50))
                .as("music to the end")
                .isGreaterThan(50);
    }

    private static StitchRequest request(
            List<MediaFile> clips,
            long transitionMs,
            boolean music,
            int bpm,
            boolean clipAudio,
            List<TimedText> captions,
            List<TimedText> overlays,
            CaptionStyle style,
            Framing framing) {
        return new StitchRequest(
                clips,
                W,
                H,
                30,
                transitionMs,
                null,
                captions,
                music,
                null,
                0,
                7,
                clipAudio,
                bpm,
                style,
                overlays,
                framing);
    }

    /** How far the markers' crossing moves over the frames at most, in pixels. */
    private static double travel(List<double[]> positions) {
        double most = 0;
        for (double[] a : positions) {
            for (double[] b : positions) {
                most = Math.max(most, Math.hypot(a[0] - b[0], a[1] - b[1]));
            }
        }
        return most;
    }

    /** Per frame: the left vertical marker's x and the horizontal marker's y, to a fraction of a pixel. */
    private static List<double[]> markerPositions(List<BufferedImage> frames) {
        List<double[]> positions = new ArrayList<>();
        for (BufferedImage frame : frames) {
            positions.add(new double[] {
                barsAt(frame)[0],
                darkCentre(frame, (int) (W * 0.35), (int) (W * 0.65), (int) (H * 0.4), (int) (H * 0.6), false)
            });
        }
        return positions;
    }

    /** The x of the left and of the right vertical marker, between a third and nearly half way down. */
    private static double[] barsAt(BufferedImage frame) {
        int top = (int) (H * 0.3);
        int bottom = (int) (H * 0.45);
        return new double[] {
            darkCentre(frame, 0, W / 2, top, bottom, true), darkCentre(frame, W / 2, W, top, bottom, true)
        };
    }

    /** The darkness-weighted centre of a region, across ({@code alongX}) or down. */
    private static double darkCentre(BufferedImage frame, int x0, int x1, int y0, int y1, boolean alongX) {
        double weight = 0;
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = frame.getRGB(x, y);
                double dark = Math.max(0, 160 - ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3.0);
                weight += dark;
                sum += dark * (alongX ? x : y);
            }
        }
        return sum / weight;
    }

    /** The pixels that differ clearly between two frames: where they are and how many are near white or near black. */
    private record Changed(int count, int top, int bottom, double centreY, int rows, int white, int dark) {

        static Changed between(BufferedImage before, BufferedImage after) {
            int count = 0;
            int top = Integer.MAX_VALUE;
            int bottom = -1;
            double ySum = 0;
            int rows = 0;
            int white = 0;
            int dark = 0;
            for (int y = 0; y < before.getHeight(); y++) {
                int inRow = 0;
                for (int x = 0; x < before.getWidth(); x++) {
                    int p = before.getRGB(x, y);
                    int q = after.getRGB(x, y);
                    int diff = Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF))
                            + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                            + Math.abs((p & 0xFF) - (q & 0xFF));
                    if (diff > 60) {
                        count++;
                        inRow++;
                        ySum += y;
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        int lum = ((q >> 16 & 0xFF) + (q >> 8 & 0xFF) + (q & 0xFF)) / 3;
                        white += lum > 225 ? 1 : 0;
                        dark += lum < 45 ? 1 : 0;
                    }
                }
                rows += inRow >= 3 ? 1 : 0;
            }
            return new Changed(count, top, bottom, count == 0 ? 0 : ySum / count, rows, white, dark);
        }
    }
}
