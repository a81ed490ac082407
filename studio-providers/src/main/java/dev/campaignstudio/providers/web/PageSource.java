package dev.campaignstudio.providers.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * What one kind of markup on a page says about its product, cleaned: text is plain (tags dropped, entities decoded,
 * whitespace collapsed) and capped, a price has a digit and brings its currency, images are absolute http(s) URLs.
 */
record PageSource(String title, String description, String brand, String price, String currency, List<String> images) {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_BRAND = 200;
    static final int MAX_PRICE = 40;
    static final int MAX_IMAGES = 8;
    private static final int MAX_URL = 2048;
    private static final int MAX_IMAGE_CANDIDATES = 64;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static final PageSource NONE = new PageSource(null, null, null, null, null, List.of());

    PageSource {
        images = List.copyOf(images);
    }

    /**
     * Cleans values as found in markup.
     *
     * @param base   the page's URL, against which relative image URLs resolve
     * @param images image URLs in the page's order; the first {@value #MAX_IMAGES} usable ones are kept
     */
    static PageSource of(
            URI base,
            String title,
            String description,
            String brand,
            String price,
            String currency,
            List<String> images) {
        String cleanPrice = price(price);
        return new PageSource(
                plain(title, MAX_TITLE),
                plain(description, MAX_DESCRIPTION),
                plain(brand, MAX_BRAND),
                cleanPrice,
                cleanPrice == null ? null : currency(currency),
                images(base, images));
    }

    /** Whether this source said nothing. */
    boolean isEmpty() {
        return title == null && description == null && brand == null && price == null && images.isEmpty();
    }

    /** Field by field, this source's value where it has one, else {@code fallback}'s; a price keeps its own currency. */
    PageSource or(PageSource fallback) {
        boolean ownPrice = price != null;
        return new PageSource(
                title != null ? title : fallback.title,
                description != null ? description : fallback.description,
                brand != null ? brand : fallback.brand,
                ownPrice ? price : fallback.price,
                ownPrice ? currency : fallback.currency,
                images.isEmpty() ? fallback.images : images);
    }

    /** Plain text of {@code raw} (which may hold markup), or {@code null} when there is none; at most {@code max} characters. */
    static String plain(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String bounded = raw.length() > 4 * max + 256 ? raw.substring(0, 4 * max + 256) : raw;
        String text = CONTROL.matcher(Jsoup.parseBodyFragment(bounded).text())
                .replaceAll("")
                .strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, cut).stripTrailing() + "\u2026";
    }

    private static String price(String raw) {
        String text = plain(raw, MAX_PRICE);
        return text != null && text.chars().anyMatch(Character::isDigit) ? text : null;
    }

    private static String currency(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(code).matches() ? code : null;
    }

    private static List<String> images(URI base, List<String> candidates) {
        Set<String> kept = new LinkedHashSet<>();
        for (String candidate : candidates.subList(0, Math.min(candidates.size(), MAX_IMAGE_CANDIDATES))) {
            String url = absoluteHttp(base, candidate);
            if (url != null) {
                kept.add(url);
            }
            if (kept.size() == MAX_IMAGES) {
                break;
            }
        }
        return new ArrayList<>(kept);
    }

    private static String absoluteHttp(URI base, String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > MAX_URL) {
            return null;
        }
        try {
            URI url = base.resolve(candidate.strip().replace(" ", "%20"));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && url.getHost() != null ? url.toString() : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
