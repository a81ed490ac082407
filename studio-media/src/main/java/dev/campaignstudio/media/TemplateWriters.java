package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.CameraMove;
import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
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
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Rule-based script and storyboard writers: a hook, benefits, proof and a call to action, written from templates
 * filled with the product's name, category, colours and the prompt's salient words; varied by seed, the same for the
 * same seed. Campaign concepts come from {@link ConceptWriter}.
 */
final class TemplateWriters {

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "for", "with", "to", "of", "in", "on", "at", "by", "is",
            "are", "be", "it", "its", "this", "that", "our", "your", "we", "you", "make", "create", "video", "launch", "campaign", "ad");

    private static final String[] HOOKS = {
        "Meet %s.", "Stop scrolling: this is %s.", "Say hello to %s.", "This changes your %s game.", "You need to see %s."};
    private static final String[] BENEFITS = {
        "Made for %s days.", "Built to go wherever you go.", "Designed in %s that turns heads.", "Every detail is made to last.",
        "It fits right into your %s routine.", "Small things, done properly.", "Light in your hand, big on style."};
    private static final String[] PROOFS = {
        "People who try it keep coming back.", "Loved by thousands every day.", "Tested hard, so you don't have to.",
        "Five stars, again and again."};
    private static final String[] DETAILS = {
        "Pick it up and you feel the difference.", "It is the kind of thing you reach for without thinking.",
        "Clean lines, honest materials, nothing you do not need.", "It looks as good on day one hundred as on day one.",
        "Take it to work, take it on the weekend, take it everywhere.", "It keeps up with you, whatever the day brings.",
        "The details are where it shows: every edge, every finish.", "It is easy to love and hard to put down.",
        "Made to be used, every single day.", "One look and you will see why people talk about it.",
        "It is simple, and that is the point.", "From morning to night, it just works."};
    /** Spoken words per second the local voice manages, for sizing a script to its target length. */
    static final double WORDS_PER_SECOND = 2.3;
    private static final String[] CALLS = {
        "Get yours today.", "Tap to shop %s now.", "Find %s at your favourite store.", "Try %s today."};
    private static final String[] SHOTS = {
        "hero shot of the product", "close-up on the details", "the product in its setting", "the product from a low angle",
        "the product with its colours around it", "a clean packshot"};
    private static final CameraMove[] MOVES = {CameraMove.ZOOM_IN, CameraMove.PAN_RIGHT, CameraMove.PARALLAX, CameraMove.ZOOM_OUT,
        CameraMove.PAN_LEFT};
    private static final Style[] STYLES = {Style.STUDIO, Style.GRADIENT, Style.SURFACE, Style.OUTDOOR, Style.PATTERN};

    private final ConceptWriter concepts = new ConceptWriter();

    Script write(ScriptRequest request) {
        if (request.readyScript() != null && !request.readyScript().isBlank()) {
            return segmented(request.readyScript());
        }
        SplittableRandom random = new SplittableRandom(request.seed());
        String name = request.productName();
        List<String> themes = themes(request.prompt(), request.facts());
        int count = Math.max(2, request.segments());
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment("hook", fill(pick(HOOKS, random), name, request.facts(), themes)));
        List<String> benefits = shuffled(BENEFITS, random);
        for (int i = 0; i < count - 3; i++) {
            segments.add(new Segment("benefit", fill(benefits.get(i % benefits.size()), name, request.facts(), themes)));
        }
        if (count >= 3) {
            segments.add(new Segment("proof", pick(PROOFS, random)));
        }
        segments.add(new Segment("call_to_action", fill(pick(CALLS, random), name, request.facts(), themes)));
        List<String> more = new ArrayList<>(benefits.subList(Math.min(benefits.size(), Math.max(0, count - 3)), benefits.size()));
        more.addAll(shuffled(DETAILS, random));
        lengthen(segments, more.stream().map(t -> fill(t, name, request.facts(), themes)).toList(),
                (int) Math.round(request.targetSeconds() * WORDS_PER_SECOND));
        return new Script(segments);
    }

    /**
     * Adds sentences from {@code more} to the segments before the call to action, round robin, until the script has
     * about {@code targetWords} words (or the sentences run out), so that it takes about its target time to speak.
     */
    private static void lengthen(List<Segment> segments, List<String> more, int targetWords) {
        int words = segments.stream().mapToInt(s -> s.text().split("\\s+").length).sum();
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
        long start = 0;
        for (int i = 1; i <= request.scenes(); i++) {
            long duration = durations[i - 1];
            String text = i == 1 ? capitalise(themes.isEmpty() ? request.productName() : themes.get(0) + " ready")
                    : i == request.scenes() ? request.productName() : onScreen(request.facts(), themes, random);
            Style style = request.style() == Style.AUTO ? STYLES[random.nextInt(STYLES.length)] : request.style();
            scenes.add(new Scene(i, start, duration, SHOTS[(i - 1 + random.nextInt(2)) % SHOTS.length], MOVES[(i - 1) % MOVES.length], text,
                    style));
            start += duration;
        }
        return new Storyboard(capitalise(request.productName() + (themes.isEmpty() ? "" : " for " + themes.get(0))), scenes);
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

    private static String onScreen(ProductFacts facts, List<String> themes, SplittableRandom random) {
        List<String> options = new ArrayList<>();
        options.add("Made to last");
        options.add("Go anywhere");
        if (!facts.keywords().isEmpty()) {
            options.add(capitalise(facts.keywords().get(facts.keywords().size() > 1 ? 1 : 0)) + " by design");
        }
        themes.forEach(t -> options.add(capitalise(t) + " mode on"));
        return options.get(random.nextInt(options.size()));
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

    private static String fill(String template, String name, ProductFacts facts, List<String> themes) {
        if (!template.contains("%s")) {
            return template;
        }
        String value;
        if (template.startsWith("Meet") || template.startsWith("Stop") || template.startsWith("Say") || template.startsWith("You need")
                || template.startsWith("Tap") || template.startsWith("Find") || template.startsWith("Try")) {
            value = name;
        } else if (template.startsWith("Designed in")) {
            value = facts.keywords().isEmpty() ? "a colour" : facts.keywords().stream().filter(k -> !k.equals("bright") && !k.equals("dark")
                    && !k.equals("balanced")).findFirst().orElse("a colour");
        } else if (template.startsWith("This changes")) {
            value = facts.category();
        } else {
            value = themes.isEmpty() ? "everyday" : themes.get(0);
        }
        return String.format(template, value);
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
