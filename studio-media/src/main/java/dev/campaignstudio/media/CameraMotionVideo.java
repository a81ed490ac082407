package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import dev.campaignstudio.core.capability.TempFiles;
import dev.campaignstudio.core.capability.VideoGeneration.VideoRequest;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A scene image brought to life: the camera eases in, out or across the scene, or the product layer drifts against
 * the background (parallax), and the frames are encoded as H.264 at the requested rate and length.
 */
final class CameraMotionVideo {

    private static final double ZOOM = 0.08;

    private final TempFiles temp;

    /** @param temp where clips are encoded; each is handed on in its file */
    CameraMotionVideo(TempFiles temp) {
        this.temp = temp;
    }

    /** Clips encoded into the JVM's temporary directory. */
    CameraMotionVideo() {
        this(TempFiles.system());
    }

    MediaFile animate(VideoRequest request) throws StepFault {
        // BGR, as the warp reads it: converted once here rather than per frame
        BufferedImage scene = Images.copy(Images.decode(request.scene().image().data()), BufferedImage.TYPE_3BYTE_BGR);
        boolean parallax = request.move() == CameraMove.PARALLAX && request.productPng() != null;
        BufferedImage background = parallax
                ? Images.copy(Images.decode(request.scene().background().data()), BufferedImage.TYPE_3BYTE_BGR)
                : null;
        BufferedImage product = parallax ? SceneRenderer.trimmed(Images.decode(request.productPng())) : null;
        int frames = (int) Math.max(1, Math.round(request.durationMs() * request.fps() / 1000.0));
        BufferedImage frame = new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        try (Mp4Writer writer = new Mp4Writer(temp, request.width(), request.height(), request.fps(), false)) {
            for (int i = 0; i < frames; i++) {
                double t = frames == 1 ? 0 : ease(i / (double) (frames - 1));
                // the camera's zoom and pan are a bilinear warp of the scene into the reused frame (docs/media.md
                // "Performance"): Java2D's transformed drawImage costs several times more per frame
                if (parallax) {
                    drawParallax(frame, background, product, request.scene().productBox(), scene, request, t);
                } else {
                    Warp.affine(
                            scene,
                            camera(
                                    request.move(),
                                    t,
                                    scene,
                                    request,
                                    request.scene().productBox()),
                            frame);
                }
                writer.frame(frame);
            }
            long durationMs = writer.durationMs();
            return MediaFile.inFile(writer.finishFile(), "video/mp4", request.width(), request.height(), durationMs);
        }
    }

    /** The transform from scene pixels to frame pixels at time {@code t} (0-1) for a camera move. */
    private static AffineTransform camera(
            CameraMove move, double t, BufferedImage scene, VideoRequest request, Box focus) {
        double cover =
                Math.max(request.width() / (double) scene.getWidth(), request.height() / (double) scene.getHeight());
        double zoom = switch (move) {
            case ZOOM_IN -> 1 + ZOOM * t;
            case ZOOM_OUT -> 1 + ZOOM * (1 - t);
            case PAN_LEFT, PAN_RIGHT, PARALLAX -> 1 + ZOOM * 0.8;
            default -> 1;
        };
        double scale = cover * zoom;
        double fx = focus.x() + focus.width() / 2.0;
        double fy = (focus.y() + focus.height() / 2.0 + scene.getHeight() / 2.0) / 2;
        double slack = scene.getWidth() * scale - request.width();
        double x;
        if (move == CameraMove.PAN_LEFT || move == CameraMove.PAN_RIGHT) {
            double from = move == CameraMove.PAN_LEFT ? 0 : -slack;
            double to = move == CameraMove.PAN_LEFT ? -slack : 0;
            x = from + (to - from) * t;
        } else {
            x = clamp(request.width() / 2.0 - fx * scale, -slack, 0);
        }
        double y = clamp(request.height() / 2.0 - fy * scale, -(scene.getHeight() * scale - request.height()), 0);
        AffineTransform transform = new AffineTransform();
        transform.translate(x, y);
        transform.scale(scale, scale);
        return transform;
    }

    private static void drawParallax(
            BufferedImage frame,
            BufferedImage background,
            BufferedImage product,
            Box box,
            BufferedImage scene,
            VideoRequest request,
            double t) {
        Warp.affine(background, camera(CameraMove.PAN_RIGHT, t * 0.5, background, request, box), frame);
        Graphics2D g = Images.quality(frame.createGraphics());
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform front = camera(CameraMove.PAN_RIGHT, t * 0.5, scene, request, box);
        double drift = (t - 0.5) * request.width() * 0.06;
        front.preConcatenate(AffineTransform.getTranslateInstance(-drift, 0));
        g.transform(front);
        g.drawImage(product, box.x(), box.y(), box.width(), box.height(), null);
        g.dispose();
    }

    private static double ease(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
