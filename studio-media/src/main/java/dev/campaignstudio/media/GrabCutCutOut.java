package dev.campaignstudio.media;

import dev.campaignstudio.core.asset.ImageInfo;
import dev.campaignstudio.core.asset.ImageSniffer;
import dev.campaignstudio.core.capability.Box;
import dev.campaignstudio.core.capability.MediaFile;
import dev.campaignstudio.core.capability.ProductAnalysis.CutOut;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts a product out of a photo with OpenCV's GrabCut: a band along the borders seeds the background model, everything
 * inside starts as probable product, and the colour models are refined over a few iterations on a downscaled copy. The
 * mask is cleaned (largest component, holes filled), scaled back, and its edge softened into an anti-aliased alpha.
 * A photo that already has transparency is taken as cut out. A photo larger than {@value #WORKING_LONG_SIDE} pixels on
 * its long side is decoded reduced to that size and cut out there; the bounds are reported in the photo's own pixels.
 * A photo with nothing apart from its background (one flat colour) is refused with {@code INPUT_INVALID} before GrabCut,
 * which would assert on it.
 */
final class GrabCutCutOut {

    /**
     * The long side a photo is decoded to at most: well above the largest frame the pipeline renders (1920), far below
     * a 40-megapixel photo, which is never held at full size.
     */
    static final int WORKING_LONG_SIDE = 2048;
    /** The step error for a photo in which nothing stands apart from the background. */
    static final String NO_PRODUCT =
            "the photo shows no product that stands apart from its background (it is one flat colour, "
                    + "or the product has the background's colours)";

    private static final int WORK_SIZE = 560;
    private static final int ITERATIONS = 5;
    /** Fewest product pixels GrabCut's colour model is seeded with: it asserts with fewer than its five components. */
    private static final int MIN_SEEDS = 5;
    /** Below this share of the inside (0.2 %) left as possible product, a photo is taken to show none. */
    private static final int SEED_SHARE_DIVISOR = 500;

    CutOut cutOut(byte[] photo) throws StepFault {
        BufferedImage source = Images.decodeWithin(photo, WORKING_LONG_SIDE);
        int width = source.getWidth();
        int height = source.getHeight();
        ImageInfo original = ImageSniffer.sniff(photo).orElse(null);
        int photoWidth = original == null ? width : original.width();
        int photoHeight = original == null ? height : original.height();
        byte[] mask = hasTransparency(source) ? alphaMask(source) : grabCut(source);
        Box bounds = bounds(mask, width, height);
        if (bounds.area() == 0) {
            throw StepFault.permanent("INPUT_INVALID", NO_PRODUCT);
        }
        BufferedImage cut = compose(source, soften(mask, width, height), bounds);
        double coverage = (double) count(mask) / ((long) width * height);
        double sharpness = sharpness(source, mask);
        return new CutOut(
                MediaFile.image(Images.png(cut), "image/png", cut.getWidth(), cut.getHeight()),
                inPhoto(bounds, photoWidth / (double) width, photoHeight / (double) height, photoWidth, photoHeight),
                coverage,
                sharpness,
                photoWidth,
                photoHeight);
    }

    /** {@code box} of the working image in the photo's own pixels. */
    private static Box inPhoto(Box box, double sx, double sy, int photoWidth, int photoHeight) {
        if (sx == 1 && sy == 1) {
            return box;
        }
        int x = Math.min(photoWidth - 1, (int) Math.floor(box.x() * sx));
        int y = Math.min(photoHeight - 1, (int) Math.floor(box.y() * sy));
        int right = Math.min(photoWidth, (int) Math.ceil((box.x() + box.width()) * sx));
        int bottom = Math.min(photoHeight, (int) Math.ceil((box.y() + box.height()) * sy));
        return new Box(x, y, Math.max(1, right - x), Math.max(1, bottom - y));
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        long clear = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) >>> 24) < 128) {
                    clear++;
                }
            }
        }
        return clear > (long) image.getWidth() * image.getHeight() / 4 / 50;
    }

    private static byte[] alphaMask(BufferedImage image) {
        byte[] mask = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                mask[y * image.getWidth() + x] = (byte) ((image.getRGB(x, y) >>> 24) >= 128 ? 255 : 0);
            }
        }
        return mask;
    }

    private static byte[] grabCut(BufferedImage source) throws StepFault {
        int width = source.getWidth();
        int height = source.getHeight();
        double scale = Math.min(1.0, WORK_SIZE / (double) Math.max(width, height));
        int w = Math.max(8, (int) Math.round(width * scale));
        int h = Math.max(8, (int) Math.round(height * scale));
        Mat full = Mats.toBgr(source);
        Mat small = new Mat();
        Mat mask = new Mat(h, w, opencv_core.CV_8UC1, new Scalar(opencv_imgproc.GC_PR_FGD));
        Mat background = new Mat();
        Mat foreground = new Mat();
        Mat binary = new Mat();
        Mat big = new Mat();
        try {
            opencv_imgproc.resize(full, small, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
            int band = Math.max(2, Math.round(Math.min(w, h) * 0.03f));
            seedBorder(mask, band);
            seedBackgroundLookalikes(small, mask, band);
            long inside = (long) (w - 2 * band) * (h - 2 * band);
            if (count(Mats.bytes(mask), opencv_imgproc.GC_PR_FGD) < Math.max(MIN_SEEDS, inside / SEED_SHARE_DIVISOR)) {
                throw StepFault.permanent("INPUT_INVALID", NO_PRODUCT);
            }
            try {
                opencv_imgproc.grabCut(
                        small, mask, new Rect(), background, foreground, ITERATIONS, opencv_imgproc.GC_INIT_WITH_MASK);
            } catch (RuntimeException degenerate) {
                // OpenCV asserts when its colour models cannot be fitted, e.g. on too few distinct colours
                throw StepFault.permanent("INPUT_INVALID", NO_PRODUCT);
            }
            byte[] labels = Mats.bytes(mask);
            byte[] fg = new byte[labels.length];
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                fg[i] = (byte) (label == opencv_imgproc.GC_FGD || label == opencv_imgproc.GC_PR_FGD ? 255 : 0);
            }
            binary.create(h, w, opencv_core.CV_8UC1);
            binary.data().put(fg);
            clean(binary, w, h);
            opencv_imgproc.resize(binary, big, new Size(width, height), 0, 0, opencv_imgproc.INTER_LINEAR);
            opencv_imgproc.threshold(big, big, 127, 255, opencv_imgproc.THRESH_BINARY);
            return Mats.bytes(big);
        } finally {
            full.close();
            small.close();
            mask.close();
            background.close();
            foreground.close();
            binary.close();
            big.close();
        }
    }

    private static void seedBorder(Mat mask, int band) {
        try (UByteIndexer index = mask.createIndexer()) {
            for (int y = 0; y < mask.rows(); y++) {
                for (int x = 0; x < mask.cols(); x++) {
                    if (x < band || y < band || x >= mask.cols() - band || y >= mask.rows() - band) {
                        index.put(y, x, opencv_imgproc.GC_BGD);
                    }
                }
            }
        }
    }

    /**
     * Marks as probable background the inside pixels whose colour is close to a colour of the border band, so the
     * background model starts from more than the band, and a textured background is not taken for product.
     */
    private static void seedBackgroundLookalikes(Mat image, Mat mask, int band) {
        int w = image.cols();
        int h = image.rows();
        byte[] bgr = new byte[w * h * 3];
        image.data().get(bgr);
        List<double[]> border = new ArrayList<>();
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (x < band || y < band || x >= w - band || y >= h - band) {
                    border.add(lab(bgr, (y * w + x) * 3));
                }
            }
        }
        List<double[]> centres = clusters(border, 8);
        try (UByteIndexer index = mask.createIndexer()) {
            for (int y = band; y < h - band; y++) {
                for (int x = band; x < w - band; x++) {
                    double[] colour = lab(bgr, (y * w + x) * 3);
                    double nearest = Double.MAX_VALUE;
                    for (double[] centre : centres) {
                        nearest = Math.min(nearest, Lab.distance(colour, centre));
                    }
                    if (nearest < 10) {
                        index.put(y, x, opencv_imgproc.GC_PR_BGD);
                    }
                }
            }
        }
    }

    private static double[] lab(byte[] bgr, int i) {
        return Lab.fromRgb(bgr[i + 2] & 0xFF, bgr[i + 1] & 0xFF, bgr[i] & 0xFF);
    }

    /** A few k-means rounds from evenly spaced seeds: enough to summarise the border's colours. */
    private static List<double[]> clusters(List<double[]> points, int k) {
        List<double[]> centres = new ArrayList<>();
        for (int i = 0; i < k && !points.isEmpty(); i++) {
            centres.add(points.get(i * points.size() / k).clone());
        }
        for (int round = 0; round < 8; round++) {
            double[][] sums = new double[centres.size()][4];
            for (double[] p : points) {
                int best = Lab.nearest(p, centres);
                sums[best][0] += p[0];
                sums[best][1] += p[1];
                sums[best][2] += p[2];
                sums[best][3]++;
            }
            for (int c = 0; c < centres.size(); c++) {
                if (sums[c][3] > 0) {
                    centres.set(
                            c,
                            new double[] {sums[c][0] / sums[c][3], sums[c][1] / sums[c][3], sums[c][2] / sums[c][3]});
                }
            }
        }
        return centres;
    }

    /**
     * Opens away specks, keeps the largest component, and fills its holes. (No closing: it would fill the product's
     * concave corners, such as where a bottle's neck meets its shoulders, with background.)
     */
    private static void clean(Mat binary, int w, int h) {
        Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            opencv_imgproc.morphologyEx(binary, binary, opencv_imgproc.MORPH_OPEN, kernel);
            int count = opencv_imgproc.connectedComponentsWithStats(binary, labels, stats, centroids);
            int best = 0;
            int bestArea = 0;
            try (IntIndexer stat = stats.createIndexer()) {
                for (int i = 1; i < count; i++) {
                    int area = stat.get(i, opencv_imgproc.CC_STAT_AREA);
                    if (area > bestArea) {
                        bestArea = area;
                        best = i;
                    }
                }
            }
            byte[] keep = new byte[w * h];
            try (IntIndexer label = labels.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        keep[y * w + x] = (byte) (best != 0 && label.get(y, x) == best ? 255 : 0);
                    }
                }
            }
            fillHoles(keep, w, h);
            binary.data().put(keep);
        } finally {
            kernel.close();
            labels.close();
            stats.close();
            centroids.close();
        }
    }

    /** Marks as product every background pixel that cannot be reached from the border. */
    private static void fillHoles(byte[] mask, int w, int h) {
        boolean[] outside = new boolean[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = push(mask, outside, stack, top, x);
            top = push(mask, outside, stack, top, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            top = push(mask, outside, stack, top, y * w);
            top = push(mask, outside, stack, top, y * w + w - 1);
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % w;
            int y = i / w;
            if (x > 0) {
                top = push(mask, outside, stack, top, i - 1);
            }
            if (x < w - 1) {
                top = push(mask, outside, stack, top, i + 1);
            }
            if (y > 0) {
                top = push(mask, outside, stack, top, i - w);
            }
            if (y < h - 1) {
                top = push(mask, outside, stack, top, i + w);
            }
        }
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0 && !outside[i]) {
                mask[i] = (byte) 255;
            }
        }
    }

    private static int push(byte[] mask, boolean[] outside, int[] stack, int top, int i) {
        if (mask[i] == 0 && !outside[i]) {
            outside[i] = true;
            stack[top++] = i;
        }
        return top;
    }

    /** An alpha with a one-pixel soft edge, from a hard mask. */
    private static byte[] soften(byte[] mask, int width, int height) {
        Mat hard = new Mat(height, width, opencv_core.CV_8UC1);
        Mat soft = new Mat();
        try {
            hard.data().put(mask);
            opencv_imgproc.GaussianBlur(hard, soft, new Size(3, 3), 0.8);
            return Mats.bytes(soft);
        } finally {
            hard.close();
            soft.close();
        }
    }

    private static Box bounds(byte[] mask, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Box(0, 0, 0, 0) : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static BufferedImage compose(BufferedImage source, byte[] alpha, Box box) {
        BufferedImage cut = new BufferedImage(box.width(), box.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < box.height(); y++) {
            for (int x = 0; x < box.width(); x++) {
                int sx = box.x() + x;
                int sy = box.y() + y;
                int a = Math.min(alpha[sy * source.getWidth() + sx] & 0xFF, source.getRGB(sx, sy) >>> 24);
                cut.setRGB(x, y, a << 24 | (source.getRGB(sx, sy) & 0xFFFFFF));
            }
        }
        return cut;
    }

    private static long count(byte[] labels, int label) {
        long n = 0;
        for (byte b : labels) {
            if ((b & 0xFF) == label) {
                n++;
            }
        }
        return n;
    }

    private static long count(byte[] mask) {
        long n = 0;
        for (byte b : mask) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    /** Variance of the Laplacian of the grey image over the product: higher is sharper. */
    private static double sharpness(BufferedImage source, byte[] mask) {
        Mat bgr = Mats.toBgr(source);
        Mat gray = new Mat();
        Mat laplacian = new Mat();
        try {
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.Laplacian(gray, laplacian, opencv_core.CV_64F);
            double sum = 0;
            double squares = 0;
            long n = 0;
            try (org.bytedeco.javacpp.indexer.DoubleIndexer index = laplacian.createIndexer()) {
                int w = source.getWidth();
                for (int y = 0; y < source.getHeight(); y += 2) {
                    for (int x = 0; x < w; x += 2) {
                        if (mask[y * w + x] != 0) {
                            double v = index.get(y, x);
                            sum += v;
                            squares += v * v;
                            n++;
                        }
                    }
                }
            }
            return n == 0 ? 0 : squares / n - (sum / n) * (sum / n);
        } finally {
            bgr.close();
            gray.close();
            laplacian.close();
        }
    }
}
