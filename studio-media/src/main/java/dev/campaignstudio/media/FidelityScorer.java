package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.FidelityCheck.ClipRequest;
import dev.campaignstudio.core.capability.FidelityCheck.ClipScore;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityRequest;
import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How faithful the product in an image is to the neutral reference. First the product is located: the reference's
 * grey image is matched, through its own mask, over the candidate at a range of scales. Then, over the reference's
 * shape at the found place: structure is the masked SSIM of the grey images, colour the Bhattacharyya similarity of the
 * hue-saturation histograms, location the match's normalised correlation, and proportion how far the best-fitting
 * box strays from the reference's width-to-height ratio (squared, so a product squeezed to 70 % scores about 0.5). The
 * search lets width and height scale apart, so a stretched product is found whole and caught on proportion. The score is
 * the weakest part: a recoloured product fails on colour, a warped one on structure, a stretched one on proportion,
 * and another object on several.
 */
final class FidelityScorer {

    private static final int COARSE_SIDE = 160;
    private static final double STRETCH_PRICE = 0.1;
    private static final int SEARCH_SIDE = 360;
    private static final int REFINE_SIDE = 320;
    private static final int REFINE_MARGIN = 4;
    private static final int SCALES = 12;
    private static final double[] STRETCHES = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.12, 1.25, 1.45, 1.7, 2.0};

    FidelityScore score(FidelityRequest request) throws StepFault {
        return score(SceneRenderer.trimmed(Images.decode(request.referencePng())), Images.decode(request.candidate()));
    }

    /**
     * Scores frames sampled evenly through a clip, away from its ends (at (i + 0.5) / n of its length); the clip scores
     * as its weakest frame. A frame's score is the weakest of structure, location and proportion: its colour part is
     * measured and reported but left out, because H.264's 4:2:0 chroma on a product a few dozen pixels wide moves the
     * hue-saturation histogram of a faithful, low-saturation product (grey, white, silver) as far as a recolouring
     * would; the colour was judged on the still the clip was made from.
     */
    ClipScore scoreClip(ClipRequest request) throws StepFault {
        BufferedImage reference = SceneRenderer.trimmed(Images.decode(request.referencePng()));
        long lengthMs = request.clip().durationMs() != null
                ? request.clip().durationMs()
                : Mp4Reader.durationMs(request.clip());
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < request.samples(); i++) {
            times.add(Math.round(lengthMs * (i + 0.5) / request.samples()));
        }
        List<Double> scores = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        FidelityScore weakest = null;
        BufferedImage weakestFrame = null;
        try (Mp4Reader reader = Mp4Reader.of(request.clip())) {
            long firstUs = -1;
            BufferedImage last = null;
            long lastMs = 0;
            for (BufferedImage raw = reader.next(); raw != null && shown.size() < times.size(); raw = reader.next()) {
                firstUs = firstUs < 0 ? reader.timeUs() : firstUs;
                last = Images.copy(raw, BufferedImage.TYPE_INT_RGB);
                lastMs = (reader.timeUs() - firstUs) / 1000;
                while (shown.size() < times.size() && lastMs >= times.get(shown.size())) {
                    FidelityScore score = shapeOnly(score(reference, last));
                    scores.add(score.score());
                    shown.add(lastMs);
                    if (weakest == null || score.score() < weakest.score()) {
                        weakest = score;
                        weakestFrame = last;
                    }
                }
            }
            // a clip shorter than it says: its last frame stands for the samples past its end
            while (last != null && shown.size() < times.size()) {
                FidelityScore score = shapeOnly(score(reference, last));
                scores.add(score.score());
                shown.add(lastMs);
                if (weakest == null || score.score() < weakest.score()) {
                    weakest = score;
                    weakestFrame = last;
                }
            }
        }
        if (weakest == null) {
            throw StepFault.permanent("SOURCE_UNREADABLE", "the clip has no frames to score");
        }
        return new ClipScore(
                weakest,
                scores,
                shown,
                MediaFile.image(
                        Images.png(weakestFrame), "image/png", weakestFrame.getWidth(), weakestFrame.getHeight()));
    }

    private static FidelityScore shapeOnly(FidelityScore s) {
        double shape = Math.min(s.structure(), Math.min(s.location(), s.proportion()));
        return new FidelityScore(shape, s.structure(), s.colour(), s.location(), s.proportion(), s.found());
    }

    private FidelityScore score(BufferedImage reference, BufferedImage candidate) {
        Match match = locate(reference, candidate);
        if (match == null) {
            return new FidelityScore(0, 0, 0, 0, 0, new Box(0, 0, 0, 0));
        }
        Box found = refine(reference, candidate, match.box());
        BufferedImage region = Images.copy(candidate, BufferedImage.TYPE_INT_ARGB)
                .getSubimage(found.x(), found.y(), found.width(), found.height());
        BufferedImage ref = Images.scaled(reference, found.width(), found.height());
        double structure = clamp(Ssim.masked(gray(ref), gray(region), mask(ref), found.width(), found.height()));
        double colour = clamp(colourSimilarity(ref, region));
        double location = clamp(match.correlation());
        double ratio =
                ((double) found.width() / found.height()) / ((double) reference.getWidth() / reference.getHeight());
        double proportion = Math.pow(Math.min(ratio, 1 / ratio), 2);
        double score = Math.min(Math.min(structure, colour), Math.min(location, proportion));
        return new FidelityScore(
                round(score), round(structure), round(colour), round(location), round(proportion), found);
    }

    private record Match(Box box, double correlation) {}

    /**
     * Where {@code reference} (a trimmed cut-out) is in {@code frame}, when it is there: the search the score starts
     * with, without the exact refinement; {@code null} when the best match correlates less than {@code least}.
     */
    static Box located(BufferedImage reference, BufferedImage frame, double least) {
        Match match = locate(reference, frame);
        return match == null || match.correlation() < least ? null : match.box();
    }

    /**
     * The best match of the reference over the candidate: a coarse grid of heights and stretches (width and height
     * scaled apart) on a thumbnail, then a fine grid around the best on a larger copy.
     */
    private static Match locate(BufferedImage reference, BufferedImage candidate) {
        Mat refGray = grayMat(reference);
        Mat refAlpha = Mats.alpha(reference);
        Mat full = grayMat(candidate);
        Mat coarse = shrunk(full, COARSE_SIDE);
        Mat fine = shrunk(full, SEARCH_SIDE);
        try {
            double aspect = (double) reference.getWidth() / reference.getHeight();
            Template thumbnail = new Template(refGray, refAlpha, coarse);
            Match best = null;
            double bestShare = 0;
            double bestStretch = 1;
            for (int i = 0; i < SCALES; i++) {
                double share = 0.12 * Math.pow(0.95 / 0.12, i / (double) (SCALES - 1));
                for (double stretch : STRETCHES) {
                    Match m = thumbnail.match(coarse.rows() * share, aspect * stretch);
                    if (m != null && (best == null || merit(m, stretch) > merit(best, bestStretch))) {
                        best = m;
                        bestShare = share;
                        bestStretch = stretch;
                    }
                }
            }
            if (best == null) {
                return null;
            }
            Template detailed = new Template(refGray, refAlpha, fine);
            Match refined = null;
            double refinedStretch = 1;
            for (double f = 0.9; f <= 1.101; f += 0.05) {
                for (double g = 0.92; g <= 1.081; g += 0.04) {
                    double stretch = bestStretch * g;
                    Match m = detailed.match(fine.rows() * bestShare * f, aspect * stretch);
                    if (m != null && (refined == null || merit(m, stretch) > merit(refined, refinedStretch))) {
                        refined = m;
                        refinedStretch = stretch;
                    }
                }
            }
            if (refined == null) {
                return null;
            }
            double scale = (double) candidate.getHeight() / fine.rows();
            Box b = refined.box();
            int x = (int) Math.round(b.x() * scale);
            int y = (int) Math.round(b.y() * scale);
            int w = Math.min(candidate.getWidth() - x, (int) Math.round(b.width() * scale));
            int h = Math.min(candidate.getHeight() - y, (int) Math.round(b.height() * scale));
            return w < 4 || h < 4 ? null : new Match(new Box(x, y, w, h), refined.correlation());
        } finally {
            refGray.close();
            refAlpha.close();
            full.close();
            coarse.close();
            fine.close();
        }
    }

    /**
     * The located box made exact: the search's grids step sizes by about 5 % and positions by its thumbnail's pixels, a
     * few pixels off on the product, which costs a small product much of its structure score. So around the rough box,
     * at a resolution where it is at most {@value #REFINE_SIDE} pixels high, every height from 95 to 105 % in 1 % steps
     * and every stretch within 6 % is matched over a window a few pixels larger than the box.
     */
    private static Box refine(BufferedImage reference, BufferedImage candidate, Box rough) {
        double shrink = Math.min(1.0, REFINE_SIDE / (double) rough.height());
        try (Mat full = grayMat(candidate);
                Mat shrunk = new Mat();
                Mat refGray = grayMat(reference);
                Mat refAlpha = Mats.alpha(reference)) {
            Mat view = full;
            if (shrink < 1) {
                opencv_imgproc.resize(
                        full,
                        shrunk,
                        new Size(Math.max(1, (int) Math.round(full.cols() * shrink)), Math.max(1, (int)
                                Math.round(full.rows() * shrink))),
                        0,
                        0,
                        opencv_imgproc.INTER_AREA);
                view = shrunk;
            }
            double w = rough.width() * shrink;
            double h = rough.height() * shrink;
            double cx = rough.x() * shrink + w / 2;
            double cy = rough.y() * shrink + h / 2;
            Match best = null;
            for (int i = -5; i <= 5; i++) {
                for (int j = -4; j <= 4; j++) {
                    int th = (int) Math.round(h * (1 + i * 0.01));
                    int tw = (int) Math.round(w * (1 + i * 0.01) * (1 + j * 0.015));
                    int x0 = Math.max(0, (int) Math.round(cx - tw / 2.0) - REFINE_MARGIN);
                    int y0 = Math.max(0, (int) Math.round(cy - th / 2.0) - REFINE_MARGIN);
                    int x1 = Math.min(view.cols(), x0 + tw + 2 * REFINE_MARGIN);
                    int y1 = Math.min(view.rows(), y0 + th + 2 * REFINE_MARGIN);
                    if (x1 - x0 < tw || y1 - y0 < th) {
                        continue;
                    }
                    try (Rect area = new Rect(x0, y0, x1 - x0, y1 - y0);
                            Mat window = new Mat(view, area)) {
                        Match m = new Template(refGray, refAlpha, window).match(th, tw / (double) th);
                        if (m != null && (best == null || m.correlation() > best.correlation())) {
                            Box b = m.box();
                            best = new Match(new Box(x0 + b.x(), y0 + b.y(), b.width(), b.height()), m.correlation());
                        }
                    }
                }
            }
            if (best == null) {
                return rough;
            }
            Box b = best.box();
            int x = Math.max(0, (int) Math.round(b.x() / shrink));
            int y = Math.max(0, (int) Math.round(b.y() / shrink));
            int bw = Math.min(candidate.getWidth() - x, (int) Math.round(b.width() / shrink));
            int bh = Math.min(candidate.getHeight() - y, (int) Math.round(b.height() / shrink));
            return bw < 4 || bh < 4 ? rough : new Box(x, y, bw, bh);
        }
    }

    /**
     * A match's correlation less a small price for stretching the reference: a uniform product correlates about as well
     * with a slightly narrower template, so a stretch must earn its place by a clearly better match.
     */
    private static double merit(Match match, double stretch) {
        return match.correlation() - STRETCH_PRICE * Math.abs(Math.log(stretch));
    }

    /**
     * The highest correlation in a match result. Where the image under the template is flat the normalisation divides
     * by zero (NaN or infinity): such places are no match.
     */
    private static Match best(Mat result, int w, int h) {
        float best = -2;
        int bestX = -1;
        int bestY = -1;
        try (FloatIndexer index = result.createIndexer()) {
            for (int y = 0; y < result.rows(); y++) {
                for (int x = 0; x < result.cols(); x++) {
                    float value = index.get(y, x);
                    if (Float.isFinite(value) && value <= 1.0001f && value > best) {
                        best = value;
                        bestX = x;
                        bestY = y;
                    }
                }
            }
        }
        return bestX < 0 ? null : new Match(new Box(bestX, bestY, w, h), Math.min(1, best));
    }

    private static Mat shrunk(Mat image, int side) {
        double shrink = Math.min(1.0, side / (double) Math.max(image.cols(), image.rows()));
        Mat out = new Mat();
        opencv_imgproc.resize(
                image,
                out,
                new Size(Math.max(1, (int) Math.round(image.cols() * shrink)), Math.max(1, (int)
                        Math.round(image.rows() * shrink))),
                0,
                0,
                opencv_imgproc.INTER_AREA);
        return out;
    }

    /** The reference's grey image and mask, resized per try and matched over the candidate. */
    private record Template(Mat gray, Mat alpha, Mat image) {

        Match match(double height, double aspect) {
            int h = (int) Math.round(height);
            int w = (int) Math.round(height * aspect);
            if (h < 8 || w < 8 || h > image.rows() || w > image.cols()) {
                return null;
            }
            Mat templ = new Mat();
            Mat mask = new Mat();
            Mat result = new Mat();
            try {
                opencv_imgproc.resize(gray, templ, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
                opencv_imgproc.resize(alpha, mask, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
                opencv_imgproc.threshold(mask, mask, 127, 255, opencv_imgproc.THRESH_BINARY);
                opencv_imgproc.matchTemplate(image, templ, result, opencv_imgproc.TM_CCOEFF_NORMED, mask);
                return best(result, w, h);
            } finally {
                templ.close();
                mask.close();
                result.close();
            }
        }
    }

    private static double colourSimilarity(BufferedImage reference, BufferedImage region) {
        Mat refHist = histogram(reference, mask(reference));
        Mat candHist = histogram(region, mask(reference));
        try {
            double distance = opencv_imgproc.compareHist(refHist, candHist, opencv_imgproc.HISTCMP_BHATTACHARYYA);
            return 1 - distance;
        } finally {
            refHist.close();
            candHist.close();
        }
    }

    /** A normalised hue-saturation histogram over the masked pixels. */
    private static Mat histogram(BufferedImage image, byte[] mask) {
        Mat bgr = Mats.toBgr(image);
        Mat hsv = new Mat();
        Mat maskMat = new Mat(image.getHeight(), image.getWidth(), opencv_core.CV_8UC1);
        Mat hist = new Mat();
        try {
            maskMat.data().put(mask);
            opencv_imgproc.cvtColor(bgr, hsv, opencv_imgproc.COLOR_BGR2HSV);
            MatVector images = new MatVector(hsv);
            opencv_imgproc.calcHist(
                    images,
                    new IntPointer(0, 1),
                    maskMat,
                    hist,
                    new IntPointer(30, 16),
                    new FloatPointer(0f, 180f, 0f, 256f),
                    false);
            opencv_core.normalize(hist, hist, 1, 0, opencv_core.NORM_L1, -1, null);
            return hist;
        } finally {
            bgr.close();
            hsv.close();
            maskMat.close();
        }
    }

    private static byte[] mask(BufferedImage image) {
        byte[] mask = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                mask[y * image.getWidth() + x] = (byte) ((image.getRGB(x, y) >>> 24) >= 128 ? 255 : 0);
            }
        }
        return mask;
    }

    private static double[] gray(BufferedImage image) {
        double[] gray = new double[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                gray[y * image.getWidth() + x] =
                        0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
            }
        }
        return gray;
    }

    private static Mat grayMat(BufferedImage image) {
        Mat bgr = Mats.toBgr(image);
        Mat gray = new Mat();
        opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
        bgr.close();
        return gray;
    }

    private static double clamp(double value) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
