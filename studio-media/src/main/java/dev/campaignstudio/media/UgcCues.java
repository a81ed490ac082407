package dev.campaignstudio.media;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the words of a UGC prompt say about who speaks and where: a table of cues, each a set of trigger words with the
 * personas, settings, tone and small talk they suggest. A cue is a <em>who</em> (runner, student, mom, parent,
 * traveller, skincare fan) or a <em>where</em> (gym, kitchen, office, beach, outdoors, home, commute); the persona
 * comes from the first <em>who</em> the words name, else from the first cue; the setting from the first
 * <em>where</em>, else from the first cue. A word matches a trigger as written or without a plural {@code s}.
 */
final class UgcCues {

    /** Whether a cue names a person or a place. */
    enum Kind {
        WHO,
        WHERE
    }

    /**
     * One cue.
     *
     * @param kind     a person or a place
     * @param words    trigger words, lower case
     * @param personas who speaks; each contains the cue's main word, so the brief shows what the prompt asked for
     * @param settings where; likewise
     * @param tone     how they speak, unless the prompt says otherwise
     * @param routine  one word for the hook: "my new {routine} essential"
     * @param place    where the product lives: "it lives in my {place} now"
     * @param life     first-person lines about that life
     */
    record Cue(
            Kind kind,
            Set<String> words,
            List<String> personas,
            List<String> settings,
            String tone,
            String routine,
            String place,
            List<String> life) {}

    static final List<Cue> CUES = List.of(
            new Cue(
                    Kind.WHO,
                    Set.of("runner", "running", "marathon", "jog", "jogging", "jogger"),
                    List.of("a runner training for her first marathon", "a weekend runner who reviews her gear"),
                    List.of("a park trail at sunrise", "a riverside running path"),
                    "upbeat, casual",
                    "running",
                    "running bag",
                    List.of(
                            "I run most mornings, so I've tested {them} properly.",
                            "After a long run, I reach for {them} first.")),
            new Cue(
                    Kind.WHO,
                    Set.of(
                            "student",
                            "college",
                            "campus",
                            "university",
                            "uni",
                            "study",
                            "studying",
                            "exam",
                            "dorm",
                            "lecture",
                            "semester"),
                    List.of("a college student on a budget", "a university student who films study vlogs"),
                    List.of("a dorm room", "a campus library table"),
                    "excited, casual",
                    "study",
                    "backpack",
                    List.of(
                            "Between lectures and exams, I need stuff that keeps up.",
                            "As a student, I don't buy things I won't use.")),
            new Cue(
                    Kind.WHO,
                    Set.of("mom", "mum", "mother", "mama", "mommy", "mummy"),
                    List.of("a busy mom of two", "a mom who films her school-run mornings"),
                    List.of("a busy family living room", "the car on the school run"),
                    "warm, honest",
                    "school-run",
                    "bag",
                    List.of(
                            "With two kids, I need things that survive everything.",
                            "Mom life means everything gets dropped at least once.")),
            new Cue(
                    Kind.WHO,
                    Set.of("parent", "dad", "father", "family", "kid", "toddler"),
                    List.of("a parent juggling work and kids", "a dad of two who reviews family gear"),
                    List.of("a busy family living room", "a family kitchen table"),
                    "warm, honest",
                    "family",
                    "bag",
                    List.of(
                            "With kids around, I need things that survive everything.",
                            "Family life is chaos, so things have to just work.")),
            new Cue(
                    Kind.WHO,
                    Set.of(
                            "travel",
                            "traveller",
                            "traveler",
                            "travelling",
                            "traveling",
                            "trip",
                            "airport",
                            "flight",
                            "vacation"),
                    List.of("a frequent traveller who packs light", "a travel creator who reviews her carry-on"),
                    List.of("an airport lounge", "a hotel room with the suitcase open"),
                    "excited, casual",
                    "travel",
                    "carry-on",
                    List.of(
                            "I'm on a plane almost every month.",
                            "When you live out of a suitcase, everything has to be worth packing.")),
            new Cue(
                    Kind.WHO,
                    Set.of("skincare", "makeup", "beauty", "glow", "vanity", "grwm"),
                    List.of("a skincare fan who films her routine", "a beauty creator who tests everything on camera"),
                    List.of("a bright bathroom vanity", "a dressing table by the window"),
                    "warm, chatty",
                    "skincare",
                    "bathroom shelf",
                    List.of(
                            "I've tried so many things for my routine.",
                            "My routine is simple, so everything has to work hard.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("gym", "workout", "fitness", "lifting", "crossfit", "weights"),
                    List.of("a gym regular who trains before work", "a fitness coach who films her gym sessions"),
                    List.of("a busy gym between sets", "a garage gym with rubber mats"),
                    "energetic, casual",
                    "gym",
                    "gym bag",
                    List.of(
                            "I'm at the gym five days a week, so my stuff has to keep up.",
                            "Between sets, I don't have time for anything fiddly.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("kitchen", "cooking", "cook", "chef", "recipe", "baking", "breakfast"),
                    List.of(
                            "a keen cook who shares quick recipes from her kitchen",
                            "a food lover who films her kitchen weekends"),
                    List.of("a sunny kitchen", "a small city kitchen at breakfast"),
                    "warm, chatty",
                    "kitchen",
                    "kitchen",
                    List.of(
                            "I spend half my life in this kitchen, honestly.",
                            "When I'm cooking, I need things that just work.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("office", "desk", "coworker", "meeting", "remote", "wfh", "workday", "workplace"),
                    List.of(
                            "a busy professional who films her office days",
                            "a remote worker who reviews office finds"),
                    List.of("a bright office desk", "a spare-room office by the window"),
                    "friendly, matter-of-fact",
                    "office",
                    "desk drawer",
                    List.of(
                            "Long days at my desk, so little upgrades matter.",
                            "I'm in meetings all day, and this keeps me going.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("beach", "surf", "surfing", "seaside", "ocean", "coast", "sand"),
                    List.of("a surfer who lives by the beach", "a beach lover who films her summer days"),
                    List.of("a sunny beach", "a beach towel by the water at golden hour"),
                    "sunny, relaxed",
                    "beach",
                    "beach bag",
                    List.of(
                            "Every weekend, I'm down at the beach.",
                            "Sand, sun and salt water, and {it} still look{s} brand new.")),
            new Cue(
                    Kind.WHERE,
                    Set.of(
                            "hike",
                            "hiking",
                            "hiker",
                            "camping",
                            "campsite",
                            "outdoor",
                            "outdoors",
                            "mountain",
                            "trail",
                            "adventure"),
                    List.of(
                            "a hiker who spends every weekend outdoors",
                            "an outdoor creator who tests gear on the trail"),
                    List.of("a mountain trail", "a campsite at dusk, outdoors"),
                    "relaxed, honest",
                    "hiking",
                    "backpack",
                    List.of(
                            "Most weekends, I'm somewhere up a mountain.",
                            "Out on the trail, you find out fast what actually works.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("home", "cozy", "cosy", "apartment", "sofa", "couch", "bedroom"),
                    List.of("a homebody who films cosy evenings at home", "a creator who shares her home routines"),
                    List.of("a cosy living room at home", "a sunlit bedroom at home"),
                    "calm, warm",
                    "evening",
                    "living room",
                    List.of("I love a slow evening at home.", "Home is where I test everything first.")),
            new Cue(
                    Kind.WHERE,
                    Set.of("commute", "commuting", "commuter", "car", "driving", "bus", "subway"),
                    List.of("a commuter who reviews what she carries", "a city commuter who films her mornings"),
                    List.of("a car on the morning commute", "a train seat on the commute"),
                    "friendly, casual",
                    "commute",
                    "car",
                    List.of("My commute is an hour each way.", "I basically live on the train these days.")));

    /** The persona and setting of a prompt that names neither, by category. */
    static final Map<String, List<String>> CATEGORY_PERSONAS = Map.of(
            "drinkware",
                    List.of(
                            "a creator who always has a drink in hand",
                            "a wellness creator who tracks every glass of water"),
            "footwear", List.of("a sneaker fan who reviews every pair", "a creator who walks everywhere"),
            "beauty",
                    List.of("a skincare fan who films her routine", "a beauty creator who tests everything on camera"),
            "electronics", List.of("a tech reviewer who tests gadgets daily", "a creator who loves a good gadget"),
            "bags", List.of("a creator who shows what's in her bag", "a city girl who carries everything"),
            "apparel", List.of("a style creator who films outfit checks", "a creator who lives in comfy clothes"),
            "home", List.of("a homebody who films cosy evenings", "a creator who shares her home finds"),
            "food", List.of("a food lover who reviews snacks", "a creator who tries every new flavour"));

    static final List<String> PERSONAS = List.of(
            "a lifestyle creator in her twenties",
            "an everyday reviewer with no filter",
            "a creator who films honest first impressions");
    static final List<String> SETTINGS =
            List.of("a bright bedroom", "a sunlit living room", "a city street on the way to work");

    /** Tones the prompt can ask for, by trigger word. */
    static final Map<String, String> TONES = tones();

    private UgcCues() {}

    /** The words of a text, lower case, letters only, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** The cues {@code words} name, in the order the words name them, each once. */
    static List<Cue> named(List<String> words) {
        Set<Cue> found = new LinkedHashSet<>();
        for (String word : words) {
            for (Cue cue : CUES) {
                if (cue.words().contains(word)
                        || word.endsWith("s") && cue.words().contains(word.substring(0, word.length() - 1))) {
                    found.add(cue);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The cue the persona comes from: the first person named, else the first cue; {@code null} when none. */
    static Cue who(List<Cue> named) {
        return named.stream()
                .filter(c -> c.kind() == Kind.WHO)
                .findFirst()
                .orElse(named.isEmpty() ? null : named.get(0));
    }

    /** The cue the setting comes from: the first place named, else the first cue; {@code null} when none. */
    static Cue where(List<Cue> named) {
        return named.stream()
                .filter(c -> c.kind() == Kind.WHERE)
                .findFirst()
                .orElse(named.isEmpty() ? null : named.get(0));
    }

    /** The tone the words ask for, or {@code null}. */
    static String tone(List<String> words) {
        for (String word : words) {
            String tone = TONES.get(word);
            if (tone != null) {
                return tone;
            }
        }
        return null;
    }

    private static Map<String, String> tones() {
        Map<String, String> tones = new java.util.HashMap<>();
        for (String word : List.of("funny", "fun", "playful", "silly", "humor", "humour", "joke", "jokes", "cheeky")) {
            tones.put(word, "playful, casual");
        }
        for (String word : List.of("calm", "relaxing", "relaxed", "chill", "slow", "peaceful", "soothing")) {
            tones.put(word, "calm, warm");
        }
        for (String word : List.of("excited", "exciting", "hype", "hyped", "energetic", "energy", "bold", "loud")) {
            tones.put(word, "excited, casual");
        }
        for (String word : List.of("honest", "review", "real", "authentic", "genuine", "candid", "unfiltered")) {
            tones.put(word, "honest, matter-of-fact");
        }
        for (String word : List.of("luxury", "luxurious", "premium", "elegant", "classy", "chic")) {
            tones.put(word, "polished, confident");
        }
        return Map.copyOf(tones);
    }
}
