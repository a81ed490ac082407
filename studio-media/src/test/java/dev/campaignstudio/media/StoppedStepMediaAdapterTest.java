package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.SpeechSynthesis.SpeechRequest;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import dev.campaignstudio.core.engine.CancellationSignal;
import dev.campaignstudio.core.engine.StepStopped;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Local media stops at its next frame (or before speaking) once the step running it is told to stop, with no interrupt. */
class StoppedStepMediaAdapterTest {

    @Test
    void anEncodeStopsAtTheFrameAfterItsStepIsToldToStop() {
        CancellationSignal signal = new CancellationSignal();
        BufferedImage frame = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread();
                Mp4Writer writer = new Mp4Writer(64, 64, 10, true)) {
            for (int i = 0; i < 3; i++) {
                writer.frame(frame);
            }
            signal.cancel("the job was cancelled");
            assertThatThrownBy(() -> writer.frame(frame))
                    .isInstanceOf(StepStopped.class)
                    .hasMessageContaining("the job was cancelled");
            assertThat(writer.frames()).isEqualTo(3);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aTenMinuteClipOfAStoppedStepIsNotEncoded() throws Exception {
        SceneImage scene = MediaFixtures.scene(Aspect.PORTRAIT_9_16, 320, Style.STUDIO, Presentation.PRODUCT_ONLY, 3);
        CancellationSignal signal = new CancellationSignal();
        signal.cancel("timed out");
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread()) {
            assertThatThrownBy(() -> new CameraMotionVideo()
                            .animate(new VideoRequest(
                                    scene, MediaFixtures.product(), 180, 320, 600_000, 30, CameraMove.ZOOM_IN, 3)))
                    .isInstanceOf(StepStopped.class);
        }
    }

    @Test
    void aStoppedStepSpeaksNothing() {
        CancellationSignal signal = new CancellationSignal();
        signal.cancel("the job was cancelled");
        try (CancellationSignal.Binding bound = signal.bindToCurrentThread()) {
            assertThatThrownBy(() ->
                            new FreeTtsSpeech().speak(new SpeechRequest("Nothing to hear here.", "default", "en")))
                    .isInstanceOf(StepStopped.class);
        }
    }

    @Test
    void outsideAStepEncodesRunToTheEnd() throws Exception {
        BufferedImage frame = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        try (Mp4Writer writer = new Mp4Writer(64, 64, 10, false)) {
            for (int i = 0; i < 5; i++) {
                writer.frame(frame);
            }
            assertThat(Probe.of(writer.finish()).frames()).isEqualTo(5);
        }
    }
}
