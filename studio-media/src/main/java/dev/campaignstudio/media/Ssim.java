package dev.campaignstudio.media;

/** Structural similarity (Wang et al. 2004) of two grey images, averaged over a mask, with 7x7 box windows. */
final class Ssim {

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final int RADIUS = 3;

    private Ssim() {}

    /** Mean SSIM over the pixels where {@code mask} is set; 1 is identical. */
    static double masked(double[] a, double[] b, byte[] mask, int width, int height) {
        double[] ia = integral(a, width, height, false);
        double[] ib = integral(b, width, height, false);
        double[] iaa = integral(a, width, height, true);
        double[] ibb = integral(b, width, height, true);
        double[] iab = integralProduct(a, b, width, height);
        double sum = 0;
        long n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] == 0) {
                    continue;
                }
                int x0 = Math.max(0, x - RADIUS);
                int y0 = Math.max(0, y - RADIUS);
                int x1 = Math.min(width - 1, x + RADIUS);
                int y1 = Math.min(height - 1, y + RADIUS);
                double count = (double) (x1 - x0 + 1) * (y1 - y0 + 1);
                double ma = box(ia, width, x0, y0, x1, y1) / count;
                double mb = box(ib, width, x0, y0, x1, y1) / count;
                double va = box(iaa, width, x0, y0, x1, y1) / count - ma * ma;
                double vb = box(ibb, width, x0, y0, x1, y1) / count - mb * mb;
                double cov = box(iab, width, x0, y0, x1, y1) / count - ma * mb;
                sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double[] integral(double[] v, int width, int height, boolean squared) {
        double[] sums = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                double value = v[y * width + x];
                row += squared ? value * value : value;
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
        return sums;
    }

    private static double[] integralProduct(double[] a, double[] b, int width, int height) {
        double[] sums = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += a[y * width + x] * b[y * width + x];
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
        return sums;
    }

    private static double box(double[] sums, int width, int x0, int y0, int x1, int y1) {
        int w = width + 1;
        return sums[(y1 + 1) * w + x1 + 1] - sums[y0 * w + x1 + 1] - sums[(y1 + 1) * w + x0] + sums[y0 * w + x0];
    }
}
