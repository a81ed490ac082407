package dev.campaignstudio.core.capability;

import java.util.Objects;

/** The {@code video} capability: a scene image brought to life as a clip. */
public interface VideoGeneration {

    /**
     * Makes a clip of one scene.
     *
     * @param request the scene's layers, the size, length and camera move
     * @return an H.264 MP4 of exactly the requested length
     * @throws StepFault for provider faults
     */
    MediaFile animate(VideoRequest request) throws StepFault;

    /**
     * What to animate.
     *
     * @param scene      the scene as generated
     * @param productPng the product on transparency, the layer that moves in a parallax, or {@code null}
     * @param width      frame width (even)
     * @param height     frame height (even)
     * @param durationMs length
     * @param fps        frames per second
     * @param move       camera move
     * @param seed       the same seed makes the same clip
     * @param sheetPng   the product's character sheet, a reference for adapters that take more than one image; or
     *                   {@code null} (a product made before sheets)
     * @param shot       what the scene shows, as its plan says, for adapters that read text; or {@code null}
     */
    record VideoRequest(
            ImageGeneration.SceneImage scene,
            byte[] productPng,
            int width,
            int height,
            long durationMs,
            int fps,
            CameraMove move,
            long seed,
            byte[] sheetPng,
            String shot) {
        public VideoRequest {
            Objects.requireNonNull(scene, "scene");
            Objects.requireNonNull(move, "move");
            if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("video frames are even-sized, at least 16 pixels");
            }
            if (durationMs < 100 || fps < 1 || fps > 60) {
                throw new IllegalArgumentException("a clip lasts at least 100 ms at 1 to 60 fps");
            }
            shot = shot == null || shot.isBlank() ? null : shot.strip();
        }

        /** Without a shot. */
        public VideoRequest(
                ImageGeneration.SceneImage scene,
                byte[] productPng,
                int width,
                int height,
                long durationMs,
                int fps,
                CameraMove move,
                long seed,
                byte[] sheetPng) {
            this(scene, productPng, width, height, durationMs, fps, move, seed, sheetPng, null);
        }

        /** Without a character sheet or a shot. */
        public VideoRequest(
                ImageGeneration.SceneImage scene,
                byte[] productPng,
                int width,
                int height,
                long durationMs,
                int fps,
                CameraMove move,
                long seed) {
            this(scene, productPng, width, height, durationMs, fps, move, seed, null, null);
        }
    }
}
