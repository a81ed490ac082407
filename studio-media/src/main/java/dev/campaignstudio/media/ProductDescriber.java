package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.PaletteColor;
import dev.campaignstudio.core.capability.ProductAnalysis.AnalysisRequest;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.StepFault;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Describes a cut-out product: the dominant palette by k-means in CIE L*a*b* over the opaque pixels (deterministic:
 * farthest-point seeding from the mean), the mean lightness, the aspect, and a category guess from the words the client
 * gave (name, attributes, prompt).
 */
final class ProductDescriber {

    private static final int COLOURS = 5;
    private static final int SAMPLES = 12_000;
    private static final Map<String, String> CATEGORIES = categories();

    ProductFacts analyze(AnalysisRequest request) throws StepFault {
        BufferedImage cut = Images.decode(request.cutOutPng());
        List<double[]> pixels = opaqueLab(cut);
        if (pixels.isEmpty()) {
            throw StepFault.permanent("SOURCE_UNREADABLE", "the cut-out has no opaque pixels");
        }
        List<PaletteColor> palette = palette(pixels);
        double brightness = pixels.stream().mapToDouble(p -> p[0]).average().orElse(50);
        String words = String.join(
                        " ",
                        request.name(),
                        String.valueOf(request.attributes().getOrDefault("category", "")),
                        String.valueOf(request.attributes().getOrDefault("description", "")),
                        request.prompt() == null ? "" : request.prompt())
                .toLowerCase(Locale.ROOT);
        return new ProductFacts(
                palette,
                round(brightness),
                round(aspect(cut)),
                category(request, words),
                keywords(request, palette, brightness));
    }

    /** Width over height of the opaque part. */
    private static double aspect(BufferedImage cut) {
        int minX = cut.getWidth();
        int minY = cut.getHeight();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < cut.getHeight(); y++) {
            for (int x = 0; x < cut.getWidth(); x++) {
                if ((cut.getRGB(x, y) >>> 24) >= 128) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? 1 : (double) (maxX - minX + 1) / (maxY - minY + 1);
    }

    private static List<double[]> opaqueLab(BufferedImage cut) {
        long opaque = 0;
        for (int y = 0; y < cut.getHeight(); y++) {
            for (int x = 0; x < cut.getWidth(); x++) {
                if ((cut.getRGB(x, y) >>> 24) > 200) {
                    opaque++;
                }
            }
        }
        int step = (int) Math.max(1, opaque / SAMPLES);
        List<double[]> pixels = new ArrayList<>();
        long seen = 0;
        for (int y = 0; y < cut.getHeight(); y++) {
            for (int x = 0; x < cut.getWidth(); x++) {
                int argb = cut.getRGB(x, y);
                if ((argb >>> 24) > 200 && seen++ % step == 0) {
                    pixels.add(Lab.fromRgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
                }
            }
        }
        return pixels;
    }

    private static List<PaletteColor> palette(List<double[]> pixels) {
        int k = Math.min(COLOURS, pixels.size());
        List<double[]> centres = seeds(pixels, k);
        int[] assignment = new int[pixels.size()];
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < pixels.size(); i++) {
                assignment[i] = Lab.nearest(pixels.get(i), centres);
            }
            List<double[]> next = new ArrayList<>();
            for (int c = 0; c < centres.size(); c++) {
                double[] sum = new double[3];
                int n = 0;
                for (int i = 0; i < pixels.size(); i++) {
                    if (assignment[i] == c) {
                        sum[0] += pixels.get(i)[0];
                        sum[1] += pixels.get(i)[1];
                        sum[2] += pixels.get(i)[2];
                        n++;
                    }
                }
                next.add(n == 0 ? centres.get(c) : new double[] {sum[0] / n, sum[1] / n, sum[2] / n});
            }
            centres = next;
        }
        int[] counts = new int[centres.size()];
        for (int a : assignment) {
            counts[a]++;
        }
        List<PaletteColor> palette = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            double share = (double) counts[c] / pixels.size();
            if (share < 0.02) {
                continue;
            }
            double[] lab = centres.get(c);
            int[] rgb = Lab.toRgb(lab[0], lab[1], lab[2]);
            palette.add(new PaletteColor(
                    String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]),
                    round(lab[0]),
                    round(lab[1]),
                    round(lab[2]),
                    round(share)));
        }
        palette.sort(Comparator.comparingDouble(PaletteColor::share).reversed());
        return merge(palette);
    }

    /** Joins colours closer than a just-noticeable difference, so a flat product has one colour, not five. */
    private static List<PaletteColor> merge(List<PaletteColor> palette) {
        List<PaletteColor> kept = new ArrayList<>();
        for (PaletteColor colour : palette) {
            boolean close = kept.stream()
                    .anyMatch(k -> Lab.distance(
                                    new double[] {k.l(), k.a(), k.b()},
                                    new double[] {colour.l(), colour.a(), colour.b()})
                            < 6);
            if (!close) {
                kept.add(colour);
            }
        }
        return kept;
    }

    private static List<double[]> seeds(List<double[]> pixels, int k) {
        double[] mean = new double[3];
        for (double[] p : pixels) {
            mean[0] += p[0] / pixels.size();
            mean[1] += p[1] / pixels.size();
            mean[2] += p[2] / pixels.size();
        }
        List<double[]> seeds = new ArrayList<>();
        seeds.add(pixels.get(nearestIndex(pixels, mean)));
        while (seeds.size() < k) {
            double best = -1;
            double[] farthest = null;
            for (double[] p : pixels) {
                double d = Lab.distance(p, seeds.get(Lab.nearest(p, seeds)));
                if (d > best) {
                    best = d;
                    farthest = p;
                }
            }
            seeds.add(farthest);
        }
        return seeds;
    }

    private static int nearestIndex(List<double[]> pixels, double[] target) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < pixels.size(); i++) {
            double d = Lab.distance(pixels.get(i), target);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static String category(AnalysisRequest request, String words) {
        Object given = request.attributes().get("category");
        if (given instanceof String s && !s.isBlank()) {
            return s.toLowerCase(Locale.ROOT);
        }
        for (Map.Entry<String, String> entry : CATEGORIES.entrySet()) {
            if (words.matches("(?s).*\\b" + entry.getKey() + "s?\\b.*")) {
                return entry.getValue();
            }
        }
        return "product";
    }

    private static List<String> keywords(AnalysisRequest request, List<PaletteColor> palette, double brightness) {
        Set<String> words = new LinkedHashSet<>();
        Object brand = request.attributes().get("brand");
        if (brand instanceof String s && !s.isBlank()) {
            words.add(s);
        }
        if (!palette.isEmpty()) {
            words.add(colourName(palette.get(0)));
        }
        words.add(brightness > 70 ? "bright" : brightness < 35 ? "dark" : "balanced");
        Object colours = request.attributes().get("colors");
        if (colours instanceof List<?> list) {
            list.forEach(c -> words.add(String.valueOf(c)));
        }
        return new ArrayList<>(words);
    }

    /** A plain colour word for a palette colour, from its hue and chroma. */
    static String colourName(PaletteColor colour) {
        double chroma = Math.hypot(colour.a(), colour.b());
        if (chroma < 10) {
            return colour.l() > 80 ? "white" : colour.l() < 25 ? "black" : "grey";
        }
        double hue = Math.toDegrees(Math.atan2(colour.b(), colour.a()));
        hue = hue < 0 ? hue + 360 : hue;
        if (hue >= 25 && hue < 55) {
            return "red";
        }
        if (hue >= 55 && hue < 80) {
            return colour.l() < 50 ? "brown" : "orange";
        }
        if (hue >= 80 && hue < 110) {
            return "yellow";
        }
        if (hue >= 110 && hue < 170) {
            return "green";
        }
        if (hue >= 170 && hue < 240) {
            return "teal";
        }
        if (hue >= 240 && hue < 310) {
            return "blue";
        }
        if (hue >= 310 && hue < 345) {
            return "purple";
        }
        return "pink";
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, String> categories() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String word : List.of("bottle", "flask", "tumbler", "mug", "cup", "glass")) {
            map.put(word, "drinkware");
        }
        for (String word : List.of("sneaker", "shoe", "boot", "sandal")) {
            map.put(word, "footwear");
        }
        for (String word : List.of("serum", "cream", "lotion", "lipstick", "perfume", "shampoo")) {
            map.put(word, "beauty");
        }
        for (String word : List.of("headphone", "earbud", "speaker", "phone", "watch", "camera", "charger")) {
            map.put(word, "electronics");
        }
        for (String word : List.of("bag", "backpack", "wallet", "tote")) {
            map.put(word, "bags");
        }
        for (String word : List.of("shirt", "jacket", "hoodie", "dress", "hat", "sock")) {
            map.put(word, "apparel");
        }
        for (String word : List.of("chair", "lamp", "vase", "candle", "pillow")) {
            map.put(word, "home");
        }
        for (String word : List.of("coffee", "tea", "chocolate", "snack", "sauce")) {
            map.put(word, "food");
        }
        return map;
    }
}
