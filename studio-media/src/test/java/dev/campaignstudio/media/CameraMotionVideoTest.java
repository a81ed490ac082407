package dev.campaignstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ImageGeneration.SceneImage;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import dev.campaignstudio.core.contract.Aspect;
import dev.campaignstudio.core.contract.Presentation;
import dev.campaignstudio.core.contract.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CameraMotionVideoTest {

    private final CameraMotionVideo video = new CameraMotionVideo();

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void everyMoveMakesAnH264ClipOfTheRequestedLength(CameraMove move) throws Exception {
        SceneImage scene = MediaFixtures.scene(Aspect.PORTRAIT_9_16, 320, Style.STUDIO, Presentation.PRODUCT_ONLY, 3);
        MediaFile clip = video.animate(new VideoRequest(scene, MediaFixtures.product(), 180, 320, 1_200, 30, move, 3));
        Probe probe = Probe.of(clip.data());
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(180);
        assertThat(probe.height()).isEqualTo(320);
        assertThat(probe.fps()).isCloseTo(30, within(0.01));
        assertThat(probe.durationSeconds()).isCloseTo(1.2, within(0.1));
        assertThat(probe.frames()).isEqualTo(36);
        assertThat(clip.durationMs()).isEqualTo(1_200);
        double motion = Probe.difference(
                probe.sampledFrames().get(0),
                probe.sampledFrames().get(probe.sampledFrames().size() - 1));
        if (move == CameraMove.STATIC) {
            assertThat(motion).as("a static shot does not move").isLessThan(3);
        } else {
            assertThat(motion).as("the camera moved").isGreaterThan(2);
        }
    }

    @Test
    void aFullSizeClip() throws Exception {
        SceneImage scene = MediaFixtures.scene(Aspect.PORTRAIT_9_16, 1920, Style.OUTDOOR, Presentation.PRODUCT_ONLY, 5);
        MediaFile clip = video.animate(
                new VideoRequest(scene, MediaFixtures.product(), 1080, 1920, 1_000, 30, CameraMove.ZOOM_IN, 5));
        Probe probe = Probe.of(clip.data());
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat(probe.durationSeconds()).isCloseTo(1.0, within(0.1));
    }
}
