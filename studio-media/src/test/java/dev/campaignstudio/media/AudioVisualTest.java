package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.LipSync.LipSyncRequest;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.SpeechSynthesis.Speech;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.Stitching.StitchRequest;
import dev.campaignstudio.core.capability.TimedText;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/** Lip-sync and stitching, decoded: streams, lengths, moving mouths, captions where the speech is, audible audio. */
class AudioVisualTest {

    private static final FreeTtsSpeech SPEECH = new FreeTtsSpeech();

    @Test
    void aPresenterSpeaksForExactlyTheLengthOfTheSpeechWithItAsAudio() throws Exception {
        Speech speech =
                SPEECH.speak(new SpeechRequest("Hi, I'm loving this bottle. It stays cold all day.", "default", "en"));
        MediaFile clip =
                new DrawnPresenterLipSync().animate(new LipSyncRequest(speech, 180, 320, 30, MediaFixtures.PALETTE, 4));
        Probe probe = Probe.of(clip.data());
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.durationSeconds()).isCloseTo(speech.wav().durationMs() / 1000.0, within(0.1));
        List<BufferedImage> frames = probe.sampledFrames();
        double mouthChange = 0;
        for (int i = 1; i < frames.size(); i++) {
            mouthChange =
                    Math.max(mouthChange, Probe.difference(mouthRegion(frames.get(i - 1)), mouthRegion(frames.get(i))));
        }
        assertThat(mouthChange).as("the mouth moves").isGreaterThan(1);
    }

    private static BufferedImage mouthRegion(BufferedImage frame) {
        return frame.getSubimage(
                frame.getWidth() / 3, (int) (frame.getHeight() * 0.3), frame.getWidth() / 3, frame.getHeight() / 6);
    }

    @Test
    void stitchingJoinsClipsWithVoiceMusicCaptionsAndAnEndCard() throws Exception {
        CameraMotionVideo video = new CameraMotionVideo();
        List<MediaFile> clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clips.add(video.animate(new VideoRequest(
                    MediaFixtures.scene(Aspect.PORTRAIT_9_16, 320, Style.values()[i + 1], Presentation.PRODUCT_ONLY, i),
                    MediaFixtures.product(),
                    180,
                    320,
                    1_000,
                    30,
                    CameraMove.ZOOM_IN,
                    i)));
        }
        Speech speech = SPEECH.speak(new SpeechRequest("Cold all day.", "default", "en"));
        List<TimedText> captions = List.of(new TimedText("COLD ALL DAY", 200, 1_200));
        MediaFile out = new FfmpegStitcher()
                .stitch(new StitchRequest(clips, 180, 320, 30, 200, speech.wav(), captions, true, "Aurora", 600, 11));
        Probe probe = Probe.of(out.data());
        double expected = 3.0 - 2 * 0.2 + 0.6;
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.durationSeconds()).isCloseTo(expected, within(0.1));
        assertThat(out.durationMs() / 1000.0).isCloseTo(expected, within(0.1));
        assertThat(captions.get(0).endMs())
                .as("captions lie inside the audio")
                .isLessThanOrEqualTo(Math.round(probe.durationSeconds() * 1000));

        BufferedImage captioned = probe.sampledFrames().get(1);
        BufferedImage plain = probe.sampledFrames().get(4);
        assertThat(whiteShare(captioned))
                .as("the caption is burned in at 0.5 s")
                .isGreaterThan(whiteShare(plain) + 0.005);
        double[] rms = audioRms(out.data());
        assertThat(rms[0]).as("voice and music are audible").isGreaterThan(500);
    }

    private static double whiteShare(BufferedImage frame) {
        int white = 0;
        int n = 0;
        for (int y = (int) (frame.getHeight() * 0.65); y < frame.getHeight() * 0.85; y++) {
            for (int x = 0; x < frame.getWidth(); x++) {
                int rgb = frame.getRGB(x, y);
                if ((rgb >> 16 & 0xFF) > 235 && (rgb >> 8 & 0xFF) > 235 && (rgb & 0xFF) > 235) {
                    white++;
                }
                n++;
            }
        }
        return (double) white / n;
    }

    private static double[] audioRms(byte[] mp4) throws Exception {
        Path file = Files.createTempFile("audio", ".mp4");
        try {
            Files.write(file, mp4);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleFormat(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16);
                grabber.start();
                double sum = 0;
                long n = 0;
                Frame frame;
                while ((frame = grabber.grabSamples()) != null) {
                    ShortBuffer samples = (ShortBuffer) frame.samples[0];
                    while (samples.hasRemaining()) {
                        double s = samples.get();
                        sum += s * s;
                        n++;
                    }
                }
                return new double[] {n == 0 ? 0 : Math.sqrt(sum / n)};
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
