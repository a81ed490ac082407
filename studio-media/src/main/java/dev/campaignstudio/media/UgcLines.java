package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.media.UgcCues.Cue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A UGC script's sentences, filled with the product's facts, pooled by the kind of shot they suit and seeded into an
 * order; hands each out once. Talking shots lead with the persona's life (from the brief's cue words), close-ups with
 * the description and price the metadata and the page give, then the category's benefits, holding shots with the
 * brand (the metadata's, else a keyword that reads as one), so those come first when there is room for them.
 */
final class UgcLines {

    private static final List<String> TALKING = List.of(
            "Okay, so I've been using {name} for two weeks now.",
            "I was honestly so skeptical at first.",
            "I use {them} every single day, not even kidding.",
            "You know when something just works?",
            "So here's the thing.",
            "Let me show you why.",
            "Real talk, I was surprised.",
            "Honestly? Obsessed.",
            "I did not expect to love {them} this much.",
            "I've tried a lot of brands, and I keep coming back to {them}.");
    private static final List<String> CLOSEUP = List.of(
            "Look at this {colour} finish.",
            "The {colour} is even prettier in person.",
            "Every little detail feels really well made.",
            "See how clean that looks?",
            "{It} feel{s} so solid in your hand.",
            "This part right here is my favourite.",
            "Such a small thing, but what a difference.",
            "Look at that shine.",
            "So pretty.");
    private static final List<String> HOLDING = List.of(
            "{This is} {name}, and {it} go{es} everywhere with me.",
            "{It} live{s} in my {place} now.",
            "I honestly keep reaching for {them}.",
            "My friends keep asking where I got {them}.",
            "Best thing I've bought this year.",
            "{It's} light, {it} look{s} good, and {it} just work{s}.",
            "Total game changer.",
            "Love {them}.");
    static final List<String> CALLS = List.of(
            "Link's below, go grab yours.",
            "Go get {name}, you can thank me later.",
            "Seriously, just try {name}, you won't be sorry.",
            "Tap the link and get yours today.",
            "Grab yours through the link below.");
    private static final Map<String, List<String>> BENEFITS = Map.of(
            "drinkware",
                    List.of(
                            "{It} keep{s} my drinks cold for hours.",
                            "{It} {doesn't} leak in my bag, which is a first."),
            "footwear",
                    List.of("{It's} comfy from the very first step.", "I walk all day in {them} and my feet are fine."),
            "beauty", List.of("My skin feels so soft after.", "A little goes a really long way."),
            "electronics", List.of("{It} {was} so easy to set up.", "The battery just keeps going."),
            "bags", List.of("{It} fit{s} everything I need.", "There's a pocket for literally everything."),
            "apparel",
                    List.of(
                            "{It's} so soft, and {it} fit{s} perfectly.",
                            "I've washed {them} a bunch and {it} still look{s} new."),
            "home", List.of("{It} make{s} my place feel so much cosier.", "{It} look{s} good in every room."),
            "food", List.of("{It} taste{s} amazing, honestly.", "{It's} my go-to snack now."));
    private static final List<String> ANY_BENEFITS =
            List.of("{It} just work{s}, every single day.", "{It} do{es} exactly what you would hope.");

    private final ProductNoun name;
    private final String colour;
    private final String place;
    private final Map<ShotKind, List<String>> pools = new EnumMap<>(ShotKind.class);
    private final Set<String> used = new HashSet<>();

    /**
     * @param name   the product's name
     * @param colour a word for its main colour
     * @param place  where it lives, from the brief's setting (else its persona)
     */
    private UgcLines(ProductNoun name, String colour, String place) {
        this.name = name;
        this.colour = colour;
        this.place = place;
    }

    /** The sentences for {@code request}'s product and brief, in an order drawn from {@code random}. */
    static UgcLines of(UgcScriptRequest request, SplittableRandom random) {
        ProductFacts facts = request.facts();
        List<Cue> setting = UgcCues.named(UgcCues.words(request.brief().setting()));
        List<Cue> persona = UgcCues.named(UgcCues.words(request.brief().persona()));
        String colour = facts.palette().isEmpty()
                ? "colour"
                : ProductDescriber.colourName(facts.palette().get(0));
        Cue where = setting.isEmpty() ? UgcCues.where(persona) : UgcCues.where(setting);
        UgcLines lines =
                new UgcLines(ProductNoun.of(request.productName()), colour, where == null ? "bag" : where.place());
        Set<Cue> cues = new LinkedHashSet<>(persona);
        cues.addAll(setting);
        List<String> life = cues.stream().flatMap(c -> c.life().stream()).toList();
        String given = request.details().get("brand");
        String brand = given != null ? given.trim() : brand(facts, colour, request.productName());
        lines.pool(ShotKind.TALKING, life, TALKING, random);
        lines.pool(ShotKind.PRODUCT_CLOSEUP, BENEFITS.getOrDefault(facts.category(), ANY_BENEFITS), CLOSEUP, random);
        lines.pool(
                ShotKind.PRESENTER_WITH_PRODUCT,
                brand == null ? List.of() : List.of(brand + " really thought of everything."),
                HOLDING,
                random);
        List<String> closeUp = new ArrayList<>(
                said(request.details()).stream().map(lines::fill).toList());
        closeUp.addAll(lines.pools.get(ShotKind.PRODUCT_CLOSEUP));
        lines.pools.put(ShotKind.PRODUCT_CLOSEUP, closeUp);
        return lines;
    }

    /** What the metadata and the page say, as a presenter says it: the description and the price, in that order. */
    private static List<String> said(Map<String, String> details) {
        List<String> said = new ArrayList<>();
        String description = details.get("description");
        if (description != null) {
            String first = TemplateWriters.sentence(description.trim().split("(?<=[.!?])\\s")[0]);
            said.add("Quick facts: " + Character.toLowerCase(first.charAt(0)) + first.substring(1));
        }
        if (details.get("price") != null) {
            String currency = details.get("currency");
            said.add("And {it's} only " + details.get("price").trim() + (currency == null ? "" : " " + currency.trim())
                    + ".");
        }
        return said;
    }

    private void pool(ShotKind kind, List<String> first, List<String> then, SplittableRandom random) {
        List<String> pool = new ArrayList<>(TemplateWriters.shuffled(first, random));
        pool.addAll(TemplateWriters.shuffled(then, random));
        pools.put(kind, pool.stream().map(this::fill).toList());
    }

    /** A keyword that reads as a brand: capitalised, not the colour word, not the name itself. */
    private static String brand(ProductFacts facts, String colour, String name) {
        return facts.keywords().stream()
                .filter(k -> !k.isEmpty() && Character.isUpperCase(k.charAt(0)))
                .filter(k -> !k.equalsIgnoreCase(colour) && !name.equalsIgnoreCase(k))
                .findFirst()
                .orElse(null);
    }

    /** The product's name as the lines say it. */
    String name() {
        return name.spoken();
    }

    /** {@code template} with the product's name, colour word and place filled in. */
    String fill(String template) {
        return name.fill(template.replace("{colour}", colour).replace("{place}", place));
    }

    /**
     * Sentences for a shot of {@code kind} adding up to about {@code room} words: from its own pool first, then the
     * others'; each at most two words over what is left.
     *
     * @param atLeastOne whether the shot needs a sentence even when there is no room
     */
    List<String> take(ShotKind kind, int room, boolean atLeastOne) {
        List<String> taken = new ArrayList<>();
        int left = room;
        while (left > 1) {
            String next = next(kind, left + 2);
            if (next == null) {
                break;
            }
            taken.add(next);
            left -= UgcWriter.words(next);
        }
        if (taken.isEmpty() && atLeastOne) {
            String shortest = next(kind, 3);
            String any = shortest != null ? shortest : next(kind, Integer.MAX_VALUE);
            if (any != null) {
                taken.add(any);
            }
        }
        return taken;
    }

    private String next(ShotKind kind, int most) {
        List<ShotKind> order = new ArrayList<>(List.of(kind));
        pools.keySet().stream().filter(k -> k != kind).forEach(order::add);
        for (ShotKind pool : order) {
            for (String sentence : pools.get(pool)) {
                if (!used.contains(sentence) && UgcWriter.words(sentence) <= most) {
                    used.add(sentence);
                    return sentence;
                }
            }
        }
        return null;
    }
}
