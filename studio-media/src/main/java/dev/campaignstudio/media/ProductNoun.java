package dev.campaignstudio.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How copy says a product's name: shortened when long, with "the" when its last word is a common noun ("the Rosso
 * espresso cup", but "Aurora" or "AirPods Pro"), singular or plural ("the Trail Runner Sneakers are"), and the pronouns
 * and verb endings that agree with it. Templates name these as tokens; see {@link #fill(String)} and docs/modes.md.
 */
final class ProductNoun {

    /** Words that end in s but are singular. */
    private static final Set<String> SINGULAR_S = Set.of(
            "lens",
            "canvas",
            "atlas",
            "bus",
            "gas",
            "iris",
            "chaos",
            "series",
            "species",
            "news",
            "bias",
            "cosmos",
            "dress",
            "glass",
            "press",
            "mattress",
            "compass",
            "harness",
            "plus",
            "pus",
            "abacus",
            "cactus",
            "hummus",
            "hibiscus",
            "octopus",
            "asparagus",
            "bonus",
            "citrus",
            "lotus",
            "ukulele",
            "kvass",
            "flatbus",
            "pilates",
            "analysis",
            "basis",
            "oasis",
            "tennis");
    /** Common nouns products are called by; a capitalised last word among them still takes "the". */
    private static final Set<String> COMMON = Set.of(
            "bottle",
            "cup",
            "mug",
            "glass",
            "tumbler",
            "flask",
            "jar",
            "kettle",
            "pot",
            "pan",
            "knife",
            "board",
            "bowl",
            "plate",
            "tray",
            "lamp",
            "light",
            "chair",
            "table",
            "desk",
            "stool",
            "sofa",
            "rug",
            "pillow",
            "cushion",
            "blanket",
            "towel",
            "candle",
            "vase",
            "frame",
            "clock",
            "mirror",
            "speaker",
            "headphones",
            "earbuds",
            "headset",
            "phone",
            "case",
            "charger",
            "cable",
            "keyboard",
            "mouse",
            "watch",
            "camera",
            "tripod",
            "backpack",
            "bag",
            "tote",
            "wallet",
            "purse",
            "belt",
            "cap",
            "hat",
            "scarf",
            "gloves",
            "socks",
            "shirt",
            "tee",
            "hoodie",
            "jacket",
            "coat",
            "dress",
            "jeans",
            "trousers",
            "shorts",
            "leggings",
            "sneakers",
            "shoes",
            "boots",
            "sandals",
            "slippers",
            "trainers",
            "sunglasses",
            "glasses",
            "serum",
            "cream",
            "lotion",
            "balm",
            "oil",
            "soap",
            "shampoo",
            "conditioner",
            "perfume",
            "fragrance",
            "lipstick",
            "mascara",
            "brush",
            "comb",
            "razor",
            "beans",
            "coffee",
            "tea",
            "chocolate",
            "bar",
            "snack",
            "cookies",
            "granola",
            "sauce",
            "honey",
            "jam",
            "kit",
            "set",
            "planner",
            "notebook",
            "pen",
            "pencil",
            "journal",
            "book",
            "toy",
            "puzzle",
            "game",
            "mat",
            "bike",
            "helmet",
            "tent",
            "stove",
            "cooler",
            "grinder",
            "machine",
            "blender",
            "toaster",
            "scale",
            "ball",
            "racket",
            "skateboard",
            "bracelet",
            "necklace",
            "ring",
            "earrings",
            "collar",
            "leash",
            "bed",
            "carafe",
            "teapot",
            "skillet",
            "organiser",
            "organizer",
            "holder",
            "stand",
            "shelf",
            "basket",
            "box",
            "diffuser",
            "humidifier",
            "fan",
            "heater",
            "drone");

    private static final Pattern CUT = Pattern.compile("\\s*(,|\\(|\\s[|\\u2013\\u2014-]\\s|\\swith\\s|\\sfor\\s).*$");
    private static final Pattern TOKEN =
            Pattern.compile("\\{(name|It|it|its|Its|It's|it's|them|is|was|has|s|es|doesn't|This is" + "|this is)\\}");
    /** The most words of a name that copy says; longer names keep their first word and their last two. */
    static final int MOST_WORDS = 5;

    private final String spoken;
    private final boolean plural;

    private ProductNoun(String spoken, boolean plural) {
        this.spoken = spoken;
        this.plural = plural;
    }

    /** The noun for a product name as the client wrote it. */
    static ProductNoun of(String productName) {
        String name = shortened(productName.trim().replaceAll("\\s+", " "));
        List<String> words = Arrays.asList(name.split(" "));
        String head = words.get(words.size() - 1).replaceAll("[^\\p{L}\\p{N}'-]", "");
        String lower = head.toLowerCase(Locale.ROOT);
        boolean startsWithArticle = words.size() > 1 && words.get(0).matches("(?i)the|a|an");
        boolean common = !startsWithArticle && (isCommon(head) || words.size() > 1 && COMMON.contains(singular(lower)));
        boolean plural = common && isPlural(lower);
        return new ProductNoun(common ? "the " + name : name, plural);
    }

    /** The name as copy says it mid-sentence: "the Rosso espresso cup", "Aurora". */
    String spoken() {
        return spoken;
    }

    /** "this" (or "these"), for a line that points at the product instead of naming it. */
    ProductNoun demonstrative() {
        return new ProductNoun(plural ? "these" : "this", plural);
    }

    /** Whether the name is plural ("the Trail Runner Sneakers"). */
    boolean plural() {
        return plural;
    }

    /**
     * {@code template} with its tokens filled and each sentence started with a capital: {@code {name}}, {@code {it}},
     * {@code {It}}, {@code {its}}, {@code {Its}}, {@code {it's}}, {@code {It's}}, {@code {them}}, {@code {this is}},
     * {@code {This is}}, verb forms {@code {is}}, {@code {was}}, {@code {has}}, {@code {doesn't}} and the verb endings
     * {@code {s}} ("keep{s}") and {@code {es}} ("go{es}"), all agreeing with the name.
     */
    String fill(String template) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(token(matcher.group(1))));
        }
        matcher.appendTail(out);
        return sentenceCase(out.toString());
    }

    private String token(String token) {
        return switch (token) {
            case "name" -> spoken;
            case "it" -> plural ? "they" : "it";
            case "It" -> plural ? "They" : "It";
            case "its" -> plural ? "their" : "its";
            case "Its" -> plural ? "Their" : "Its";
            case "it's" -> plural ? "they're" : "it's";
            case "It's" -> plural ? "They're" : "It's";
            case "them" -> plural ? "them" : "it";
            case "is" -> plural ? "are" : "is";
            case "was" -> plural ? "were" : "was";
            case "has" -> plural ? "have" : "has";
            case "s" -> plural ? "" : "s";
            case "es" -> plural ? "" : "es";
            case "doesn't" -> plural ? "don't" : "doesn't";
            case "this is" -> plural ? "these are" : "this is";
            case "This is" -> plural ? "These are" : "This is";
            default -> throw new IllegalArgumentException(token);
        };
    }

    /** {@code text} with its first letter, and the first after each sentence's end, in upper case. */
    static String sentenceCase(String text) {
        StringBuilder out = new StringBuilder(text);
        boolean start = true;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (start && Character.isLetter(c)) {
                if (!mixedCase(out, i)) {
                    out.setCharAt(i, Character.toUpperCase(c));
                }
                start = false;
            } else if (start && !Character.isWhitespace(c) && c != '\'' && c != '"') {
                start = false;
            }
            if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == out.length() || Character.isWhitespace(out.charAt(i + 1)))) {
                start = true;
            }
        }
        return out.toString();
    }

    /** Whether the word at {@code from} has a capital after its first letter ("iPhone", "eBay"): left as it is. */
    private static boolean mixedCase(CharSequence text, int from) {
        for (int i = from + 1; i < text.length() && Character.isLetter(text.charAt(i)); i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "a" or "an" and {@code word}, by how the word is said: "an orange", "a unique", "an hour", "an 8". */
    static String withArticle(String word) {
        return (vowelSound(word) ? "an " : "a ") + word;
    }

    private static boolean vowelSound(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return false;
        }
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && Character.isLetter(word.charAt(0))) {
            return "AEFHILMNORSX".indexOf(word.charAt(0)) >= 0;
        }
        if (Character.isDigit(lower.charAt(0))) {
            return lower.startsWith("8") || lower.matches("1[18](\\D.*|\\d{3}(\\D.*)?|)");
        }
        if (lower.matches("(hour|honest|honou?r|heir).*")) {
            return true;
        }
        if (lower.matches("(uni|use|usu|uti|ura|ure|uro|eu|ewe|one\\b|once).*") || lower.equals("one")) {
            return false;
        }
        return "aeiou".indexOf(lower.charAt(0)) >= 0;
    }

    /** A name cut to what copy says: before a comma, bracket, dash, "with" or "for"; at most {@link #MOST_WORDS} words. */
    static String shortened(String name) {
        String cut = CUT.matcher(name).replaceFirst("").trim();
        if (cut.isEmpty()) {
            cut = name;
        }
        List<String> words = new ArrayList<>(Arrays.asList(cut.split(" ")));
        if (words.size() <= MOST_WORDS) {
            return cut;
        }
        return String.join(" ", words.get(0), words.get(words.size() - 2), words.get(words.size() - 1));
    }

    /** A last word that is a common noun: a known product noun, or a word in lower case throughout. */
    private static boolean isCommon(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return head.equals(lower) && !head.isEmpty() && Character.isLetter(head.charAt(0))
                || COMMON.contains(lower) && !head.substring(1).chars().anyMatch(Character::isUpperCase);
    }

    private static boolean isPlural(String lower) {
        return lower.length() > 3
                && lower.endsWith("s")
                && !lower.endsWith("ss")
                && !lower.endsWith("us")
                && !lower.endsWith("'s")
                && !SINGULAR_S.contains(lower);
    }

    private static String singular(String lower) {
        return isPlural(lower) && !COMMON.contains(lower) ? lower.substring(0, lower.length() - 1) : lower;
    }
}
