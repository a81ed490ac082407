package dev.campaignstudio.server.config;

import dev.campaignstudio.core.stage.RenderSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code studio.stages.*}: how the built-in stages fetch and reuse.
 *
 * @param fetchTimeout longest fetching one product photo from a URL may take
 * @param linkMaxAge   how long facts read from a product page are reused by later jobs of the product
 * @param imageLongSide pixels of the longer side of still images
 * @param videoLongSide pixels of the longer side of video frames
 * @param fps          video frame rate
 */
@ConfigurationProperties("studio.stages")
public record StageProperties(
        Duration fetchTimeout, Duration linkMaxAge, Integer imageLongSide, Integer videoLongSide, Integer fps) {

    public StageProperties {
        fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(30) : fetchTimeout;
        linkMaxAge = linkMaxAge == null ? Duration.ofHours(24) : linkMaxAge;
        imageLongSide = imageLongSide == null ? RenderSettings.FULL.imageLongSide() : imageLongSide;
        videoLongSide = videoLongSide == null ? RenderSettings.FULL.videoLongSide() : videoLongSide;
        fps = fps == null ? RenderSettings.FULL.fps() : fps;
    }

    /** The render sizes; an out-of-range value stops the service with a message naming it. */
    public RenderSettings render() {
        try {
            return new RenderSettings(imageLongSide, videoLongSide, fps);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "studio.stages.image-long-side, video-long-side, fps: " + e.getMessage(), e);
        }
    }
}
