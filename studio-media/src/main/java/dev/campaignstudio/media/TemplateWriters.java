package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.ScriptWriting.Script;
import dev.campaignstudio.core.capability.ScriptWriting.ScriptRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Segment;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Scene;
import dev.campaignstudio.core.capability.StoryboardWriting.Storyboard;
import dev.campaignstudio.core.capability.StoryboardWriting.StoryboardRequest;
import dev.campaignstudio.core.contract.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Rule-based script and storyboard writers: a hook, benefits, proof and a call to action, written from templates
 * filled with the product's name, category, colours and the prompt's salient words; varied by seed, the same for the
 * same seed. A script follows the product's storyboard seeds, one per segment in turn: each segment but the call to
 * action opens with its seed's hook (the first instead of a template hook); its first benefits are the metadata's and
 * the page's facts (description, brand, price). Campaign concepts come from {@link ConceptWriter}.
 */
final class TemplateWriters {

    private static final Set<String> STOP = Set.of(
            "a",
            "an",
            "the",
            "and",
            "or",
            "for",
            "with",
            "to",
            "of",
            "in",
            "on",
            "at",
            "by",
            "is",
            "are",
            "be",
            "it",
            "its",
            "this",
            "that",
            "our",
            "your",
            "we",
            "you",
            "make",
            "create",
            "video",
            "launch",
            "campaign",
            "ad");

    private static final String[] HOOKS = {
        "Meet {name}.",
        "Stop scrolling: meet {name}.",
        "Say hello to {name}.",
        "Your day just got better: meet {name}.",
        "You need to see {name}."
    };
    private static final String[] BENEFITS = {
        "Built to go wherever you go.", "{Its} {colour} finish turns heads.", "Every detail is made to last.",
        "{It} fit{s} right into your day.", "Small things, done properly.", "Light in your hand, big on style."
    };
    private static final String[] THEMED_BENEFITS = {"Made with {theme} in mind.", "Ready for {theme}, ready for you."};
    private static final String[] PROOFS = {
        "Try {them} once and you will keep coming back.",
        "Loved by thousands every day.",
        "Tested hard, so you can trust {them}.",
        "Five stars, again and again."
    };
    private static final String[] DETAILS = {
        "Pick {them} up and you feel the difference.", "You will reach for {them} without thinking.",
        "Clean lines, honest materials, nothing you do not need.",
                "{It} look{s} as good on day one hundred as on day one.",
        "Take {them} to work, take {them} on the weekend, take {them} everywhere.",
                "{It} keep{s} up with you, whatever the day brings.",
        "The details are where {it} shine{s}: every edge, every finish.",
                "{It} {is} easy to love and hard to put down.",
        "Made to be used, every single day.", "One look and you will see why people talk about {them}.",
        "{It} {is} simple, and that is the point.", "From morning to night, {it} just work{s}."
    };
    /** Spoken words per second the local voice manages, for sizing a script to its target length. */
    static final double WORDS_PER_SECOND = 2.3;

    private static final String[] CALLS = {
        "Get yours today.", "Tap to shop {name} now.", "Find {name} at your favourite store.", "Try {name} today."
    };
    private static final String[] ON_SCREEN = {
        "Made to last",
        "Go anywhere",
        "Built for every day",
        "Look closer",
        "Small details, big difference",
        "Worth a second look",
        "Made for you",
        "Easy to love",
        "Yours today",
        "Every day, every way"
    };
    private static final String[] SHOTS = {
        "hero shot of the product",
        "close-up on the details",
        "the product in context",
        "the product from a low angle",
        "the product with matching colours around",
        "a clean packshot"
    };
    private static final CameraMove[] MOVES = {
        CameraMove.ZOOM_IN, CameraMove.PAN_RIGHT, CameraMove.PARALLAX, CameraMove.ZOOM_OUT, CameraMove.PAN_LEFT
    };
    private static final Style[] STYLES = {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN};

    private final ConceptWriter concepts = new ConceptWriter();

    Script write(ScriptRequest request) {
        if (request.readyScript() != null && !request.readyScript().isBlank()) {
            return segmented(request.readyScript());
        }
        SplittableRandom random = new SplittableRandom(request.seed());
        Filler filler = new Filler(
                ProductNoun.of(request.productName()), request.facts(), themes(request.prompt(), request.facts()));
        int count = Math.max(2, request.segments());
        List<Segment> segments = new ArrayList<>();
        String hook = filler.fill(pick(HOOKS, random));
        Concept opening = ScriptWriting.seedOf(request.seeds(), 0);
        segments.add(new Segment("hook", opening == null ? hook : sentence(opening.hook())));
        List<String> benefits = new ArrayList<>(facts(request.details()));
        if (!filler.themes().isEmpty()) {
            benefits.add(pick(THEMED_BENEFITS, random));
        }
        benefits.addAll(shuffled(BENEFITS, random));
        for (int i = 0; i < count - 3; i++) {
            String benefit = filler.fill(benefits.get(i % benefits.size()));
            segments.add(new Segment("benefit", seeded(request, i + 1, benefit)));
        }
        if (count >= 3) {
            segments.add(new Segment("proof", seeded(request, count - 2, filler.fill(pick(PROOFS, random)))));
        }
        segments.add(new Segment("call_to_action", filler.fill(pick(CALLS, random))));
        List<String> more =
                new ArrayList<>(benefits.subList(Math.min(benefits.size(), Math.max(0, count - 3)), benefits.size()));
        more.addAll(shuffled(DETAILS, random));
        lengthen(segments, more.stream().map(filler::fill).toList(), (int)
                Math.round(request.targetSeconds() * WORDS_PER_SECOND));
        return new Script(segments);
    }

    /**
     * {@code text} after the hook of the storyboard seed segment {@code index} follows ({@link ScriptWriting#seedOf}),
     * or alone without seeds.
     */
    private static String seeded(ScriptRequest request, int index, String text) {
        Concept seed = ScriptWriting.seedOf(request.seeds(), index);
        return seed == null ? text : sentence(seed.hook()) + " " + text;
    }

    /**
     * Sentences of the product's metadata and page facts, the ones a script says first: its description, its brand and
     * its price.
     */
    static List<String> facts(Map<String, String> details) {
        List<String> facts = new ArrayList<>();
        String description = details.get("description");
        if (description != null) {
            String[] words = description.trim().split("\\s+");
            String first = String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, 24)));
            facts.add(sentence(capitalise(first.split("(?<=[.!?])\\s")[0])));
        }
        if (details.get("brand") != null) {
            facts.add("Made by " + details.get("brand").trim() + ".");
        }
        if (details.get("price") != null) {
            String currency = details.get("currency");
            facts.add("All of it for " + details.get("price").trim() + (currency == null ? "" : " " + currency.trim())
                    + ".");
        }
        return facts;
    }

    /** {@code text} trimmed, ending with a full stop unless it ends with other punctuation. */
    static String sentence(String text) {
        String trimmed = text.trim();
        return trimmed.matches(".*[.!?]$") ? trimmed : trimmed + ".";
    }

    /**
     * Adds sentences from {@code more} to the segments before the call to action, round robin, until the script has
     * about {@code targetWords} words (or the sentences run out), so that it takes about its target time to speak.
     */
    private static void lengthen(List<Segment> segments, List<String> more, int targetWords) {
        int words =
                segments.stream().mapToInt(s -> s.text().split("\\s+").length).sum();
        int next = 0;
        for (int round = 0; words < targetWords * 0.9 && next < more.size(); round++) {
            int index = round % Math.max(1, segments.size() - 1);
            Segment segment = segments.get(index);
            String sentence = more.get(next++);
            segments.set(index, new Segment(segment.role(), segment.text() + " " + sentence));
            words += sentence.split("\\s+").length;
        }
    }

    /** A ready script split into segments: by blank lines, else by sentences; first is the hook, last the call to action. */
    static Script segmented(String script) {
        String[] parts = script.trim().split("\\n\\s*\\n");
        if (parts.length == 1) {
            parts = script.trim().split("(?<=[.!?])\\s+");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i].replaceAll("\\s+", " ").trim();
            if (text.isEmpty()) {
                continue;
            }
            String role = i == 0 ? "hook" : i == parts.length - 1 ? "call_to_action" : "benefit";
            segments.add(new Segment(role, text));
        }
        return new Script(segments);
    }

    List<Concept> concepts(ConceptRequest request) {
        return concepts.concepts(request);
    }

    Storyboard plan(StoryboardRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed() ^ 0x5DEECE66DL);
        List<String> themes = themes(request.prompt(), request.facts());
        List<Scene> scenes = new ArrayList<>();
        long[] durations = durations(request.scenes(), request.durationMs(), request.beatMs());
        String shortName = ProductNoun.shortened(request.productName().trim().replaceAll("\\s+", " "));
        List<String> onScreen = onScreen(request.facts(), themes, random);
        long start = 0;
        for (int i = 1; i <= request.scenes(); i++) {
            long duration = durations[i - 1];
            String text = i == 1
                    ? (themes.isEmpty()
                            ? ProductNoun.of(shortName).fill("Meet {name}")
                            : capitalise(themes.get(0) + " ready"))
                    : i == request.scenes() ? shortName : onScreen.get((i - 2) % onScreen.size());
            Style style = request.style() == Style.AUTO ? STYLES[random.nextInt(STYLES.length)] : request.style();
            scenes.add(new Scene(
                    i,
                    start,
                    duration,
                    SHOTS[(i - 1 + random.nextInt(2)) % SHOTS.length],
                    MOVES[(i - 1) % MOVES.length],
                    text,
                    style));
            start += duration;
        }
        return new Storyboard(capitalise(shortName + (themes.isEmpty() ? "" : " for " + themes.get(0))), scenes);
    }

    /**
     * Scene lengths. Free timing ({@code beatMs} 0): equal shares of {@code durationMs}, the last taking the remainder,
     * so they add up to it exactly. On a beat: the total is {@code durationMs} rounded to the nearest whole number of
     * beats (halves up), at least one beat a scene, {@code max(scenes, round(durationMs / beatMs)) * beatMs}; each scene
     * gets an equal share of whole beats and the last {@code beats % scenes} scenes one beat more, so every start and
     * length is a multiple of the beat and the total is off {@code durationMs} by half a beat at most.
     */
    static long[] durations(int scenes, long durationMs, long beatMs) {
        long[] durations = new long[scenes];
        if (beatMs <= 0) {
            long each = durationMs / scenes;
            Arrays.fill(durations, each);
            durations[scenes - 1] = durationMs - each * (scenes - 1);
            return durations;
        }
        long beats = Math.max(scenes, (durationMs + beatMs / 2) / beatMs);
        long each = beats / scenes;
        long longer = beats % scenes;
        for (int i = 0; i < scenes; i++) {
            durations[i] = (each + (i >= scenes - longer ? 1 : 0)) * beatMs;
        }
        return durations;
    }

    /**
     * On-screen lines for the scenes between the first and the last, each once in a seeded order (the prompt's themes
     * and the product's colour among them), so that no two scenes say the same.
     */
    private static List<String> onScreen(ProductFacts facts, List<String> themes, SplittableRandom random) {
        List<String> options = new ArrayList<>(List.of(ON_SCREEN));
        if (!facts.palette().isEmpty()) {
            options.add(capitalise(ProductDescriber.colourName(facts.palette().get(0))) + " by design");
        }
        themes.forEach(t -> options.add(capitalise(t) + " mode on"));
        return shuffled(options, random);
    }

    /** Salient words of the prompt: longer than three letters, no stop words, in order, each once. */
    static List<String> themes(String prompt, ProductFacts facts) {
        Set<String> words = new LinkedHashSet<>();
        if (prompt != null) {
            for (String word : prompt.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() > 3 && !STOP.contains(word)) {
                    words.add(word);
                }
            }
        }
        return new ArrayList<>(words);
    }

    /**
     * Fills templates: the product's tokens ({@link ProductNoun#fill}), {@code {colour}} (a word for its main colour),
     * {@code {category}} and {@code {theme}} (the prompt's first salient word).
     */
    record Filler(ProductNoun noun, ProductFacts facts, List<String> themes) {

        String fill(String template) {
            String colour = facts.palette().isEmpty()
                    ? "signature"
                    : ProductDescriber.colourName(facts.palette().get(0));
            String out = template.replace("{colour}", colour)
                    .replace("{category}", facts.category())
                    .replace("{theme}", themes.isEmpty() ? "every day" : themes.get(0));
            return noun.fill(out);
        }
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }

    private static List<String> shuffled(String[] options, SplittableRandom random) {
        return shuffled(List.of(options), random);
    }

    /** A seeded Fisher-Yates shuffle of a copy of {@code options}. */
    static <T> List<T> shuffled(List<T> options, SplittableRandom random) {
        List<T> list = new ArrayList<>(options);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }

    /** {@code text} with its first letter in upper case. */
    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
