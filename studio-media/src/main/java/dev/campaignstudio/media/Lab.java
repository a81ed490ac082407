package dev.campaignstudio.media;

/** sRGB to CIE L*a*b* (D65) and back, for palettes and colour distances. */
final class Lab {

    private Lab() {}

    /** L*, a*, b* of an sRGB colour. */
    static double[] fromRgb(int r, int g, int b) {
        double rl = linear(r / 255.0);
        double gl = linear(g / 255.0);
        double bl = linear(b / 255.0);
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    /** sRGB (0-255, clamped) of L*, a*, b*. */
    static int[] toRgb(double l, double a, double bb) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - bb / 200;
        double x = finv(fx) * 0.95047;
        double y = finv(fy);
        double z = finv(fz) * 1.08883;
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new int[] {channel(r), channel(g), channel(b)};
    }

    /** Euclidean distance in L*a*b* (CIE76 delta E). */
    static double distance(double[] one, double[] two) {
        double dl = one[0] - two[0];
        double da = one[1] - two[1];
        double db = one[2] - two[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double finv(double t) {
        return t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
    }

    private static int channel(double linearValue) {
        double c = linearValue <= 0.0031308 ? 12.92 * linearValue : 1.055 * Math.pow(linearValue, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    /** Index of the centre nearest to {@code p}; 0 when there is only one. */
    static int nearest(double[] p, java.util.List<double[]> centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centres.size(); c++) {
            double d = distance(p, centres.get(c));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
