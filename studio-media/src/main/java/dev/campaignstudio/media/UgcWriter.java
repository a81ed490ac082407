package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.ProductAnalysis.ProductFacts;
import dev.campaignstudio.core.capability.ScriptWriting;
import dev.campaignstudio.core.capability.ScriptWriting.Brief;
import dev.campaignstudio.core.capability.ScriptWriting.BriefRequest;
import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScriptRequest;
import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.media.UgcCues.Cue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes UGC briefs and scripts from templates, in English, the same for the same request and seed.
 *
 * <p><b>Brief.</b> The persona, setting and tone come from the prompt's cue words ({@link UgcCues}: "gym", "kitchen",
 * "office", "beach", "student", "mom", "runner" and their kin), else from the product's category, else from general
 * choices; a tone word in the prompt ("funny", "calm", "honest", "premium"...) wins over the cue's tone. The hook is at
 * most {@value #HOOK_WORDS} words and about {@value #HOOK_SYLLABLES} syllables with no pause, which the local voice
 * speaks in about two seconds; the product's name is in it when it fits, else "this". Every line says the name as
 * {@link ProductNoun} does, with pronouns and verbs that agree with it.
 *
 * <p><b>Script.</b> Shot 1 is the presenter talking, opening with the hook; the last is the presenter holding up the
 * product and ends with a call to action; with three shots or more the ones between start with a close-up and
 * rotate through the three kinds, so every kind is there and no kind follows itself. The lines are casual first-person
 * sentences (the product's name, a benefit of its category, its colour, its brand, the persona's life) chosen to
 * total about {@value #WORDS_PER_SECOND} words per target second, spread evenly over the shots; every shot has at
 * least one sentence, no sentence is said twice, and the script stops growing when the templates run out (at about
 * 90 seconds). Shots follow the product's storyboard seeds in turn: each direction ends with its seed's scene idea,
 * and every line after the first opens with its seed's hook. The brand and the facts the metadata and the product
 * page give ({@link UgcLines}) come before the general lines.
 */
final class UgcWriter {

    /** The most words a hook has. */
    static final int HOOK_WORDS = 6;
    /** The most syllables (estimated) a hook has. */
    static final int HOOK_SYLLABLES = 10;
    /** The speaking pace the script is written for. */
    static final double WORDS_PER_SECOND = 2.5;

    private static final List<String> HOOKS = List.of(
            "I can't stop using {subject}.",
            "{subject} changed my {routine} routine.",
            "Meet my new {routine} favourite.",
            "Look at my new {routine} essential.",
            "You need {subject} in your life.",
            "{subject} {is} my {routine} secret.",
            "Why did nobody tell me?",
            "Say hi to {subject}.");
    /** A hook that only works with the product's name in it. */
    private static final String NAMED_ONLY = "Say hi to {subject}.";

    private static final String FALLBACK_HOOK = "Why did nobody tell me?";
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");
    private static final List<String> TONES =
            List.of("excited, casual", "warm, casual", "honest, casual", "upbeat, friendly");

    private static final List<String> TALKING_SHOTS = List.of(
            "Selfie angle in {setting}: the presenter leans in and talks to the phone, {tone}.",
            "Handheld, the presenter walks through {setting}, talking to the camera, {tone}.",
            "The presenter sits in {setting} and talks straight to the camera, {tone}.");
    private static final List<String> CLOSEUP_SHOTS = List.of(
            "Close-up of {name}: a hand turns {them} slowly, the {colour} finish catching the light, {setting} soft behind.",
            "Macro shot moving over the details of {name}, set down in {setting}.",
            "{name} on a surface in {setting}, the camera pushing in close.");
    private static final List<String> HOLDING_SHOTS = List.of(
            "The presenter holds {name} up beside the face and smiles at the camera, {setting} behind.",
            "The presenter lifts {name} into frame at shoulder height and shows {them} to the camera, {tone}.",
            "Selfie angle in {setting}: the presenter holds {name} up next to the face while talking.");

    Brief interpret(BriefRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed() ^ 0x9E3779B97F4A7C15L);
        List<String> words = UgcCues.words(request.prompt());
        List<Cue> named = UgcCues.named(words);
        Cue who = UgcCues.who(named);
        Cue where = UgcCues.where(named);
        String persona = pick(
                who != null
                        ? who.personas()
                        : UgcCues.CATEGORY_PERSONAS.getOrDefault(request.facts().category(), UgcCues.PERSONAS),
                random);
        String setting = pick(where != null ? where.settings() : UgcCues.SETTINGS, random);
        String asked = UgcCues.tone(words);
        String tone = asked != null ? asked : who != null ? who.tone() : pick(TONES, random);
        String routine = where != null
                ? where.routine()
                : who != null ? who.routine() : routine(request.prompt(), request.facts());
        return new Brief(persona, tone, setting, hook(request.productName(), routine, random));
    }

    /** A one-word theme of the prompt for the hook ("my new {routine} essential"), else "daily". */
    private static String routine(String prompt, ProductFacts facts) {
        return TemplateWriters.themes(prompt, facts).stream()
                .filter(w -> w.length() <= 8)
                .findFirst()
                .orElse("daily");
    }

    /** The first hook, in a seeded order, that is short enough with the name in it, else with "this". */
    static String hook(String name, String routine, SplittableRandom random) {
        for (String template : TemplateWriters.shuffled(HOOKS, random)) {
            ProductNoun noun = ProductNoun.of(name);
            for (ProductNoun it : template.equals(NAMED_ONLY) ? List.of(noun) : List.of(noun, noun.demonstrative())) {
                String hook = it.fill(template.replace("{routine}", routine).replace("{subject}", "{name}"));
                if (speakable(hook)) {
                    return hook;
                }
            }
        }
        return FALLBACK_HOOK;
    }

    /** Whether a line is short enough for a two-second hook: few words, few syllables, no pause inside. */
    static boolean speakable(String line) {
        String inside = line.substring(0, line.length() - 1);
        return words(line) <= HOOK_WORDS && syllables(line) <= HOOK_SYLLABLES && !inside.matches(".*[,.;:!?].*");
    }

    UgcScript script(UgcScriptRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed() ^ 0x6A09E667F3BCC909L);
        Brief brief = request.brief();
        UgcLines lines = UgcLines.of(request, random);
        List<ShotKind> kinds = kinds(request.shots(), random);
        List<String> directions = directions(kinds, lines, brief, random);
        int target = (int) Math.round(Math.max(0, request.targetSeconds()) * WORDS_PER_SECOND);
        List<Shot> shots = new ArrayList<>();
        StringBuilder said = new StringBuilder();
        int total = 0;
        for (int i = 1; i <= kinds.size(); i++) {
            ShotKind kind = kinds.get(i - 1);
            boolean first = i == 1;
            boolean last = i == kinds.size();
            List<String> sentences = new ArrayList<>();
            Concept seed = ScriptWriting.seedOf(request.seeds(), i - 1);
            if (first) {
                sentences.add(brief.hook());
            } else if (seed != null) {
                sentences.add(TemplateWriters.sentence(seed.hook()));
            }
            String call = last
                    ? call(
                            said.toString()
                                    .toLowerCase(Locale.ROOT)
                                    .contains(lines.name().toLowerCase(Locale.ROOT)),
                            lines,
                            random)
                    : "";
            int cumulative = (int) Math.round((double) target * i / kinds.size());
            int room = cumulative - total - words(String.join(" ", sentences)) - words(call);
            sentences.addAll(lines.take(kind, room, !first && !last));
            if (last) {
                sentences.add(call);
            }
            String line = String.join(" ", sentences);
            said.append(line).append(' ');
            total += words(line);
            String idea = ScriptWriting.ideaOf(request.seeds(), i - 1);
            String direction = idea == null
                    ? directions.get(i - 1)
                    : directions.get(i - 1) + " Shot idea: " + TemplateWriters.sentence(idea);
            shots.add(new Shot(i, kind, line, direction));
        }
        return new UgcScript(shots);
    }

    /** A call to action; one that names the product when nothing before it has. */
    private static String call(boolean named, UgcLines lines, SplittableRandom random) {
        List<String> options = named
                ? UgcLines.CALLS
                : UgcLines.CALLS.stream().filter(c -> c.contains("{name}")).toList();
        return lines.fill(pick(options, random));
    }

    /** Shot kinds: talking first, holding the product last, a rotation starting with a close-up between. */
    static List<ShotKind> kinds(int shots, SplittableRandom random) {
        List<List<ShotKind>> rotations = List.of(
                List.of(ShotKind.PRODUCT_CLOSEUP, ShotKind.TALKING, ShotKind.PRESENTER_WITH_PRODUCT),
                List.of(ShotKind.PRODUCT_CLOSEUP, ShotKind.PRESENTER_WITH_PRODUCT, ShotKind.TALKING));
        List<ShotKind> rotation = rotations.get(random.nextInt(rotations.size()));
        List<ShotKind> middle = new ArrayList<>();
        for (int i = 0; i < shots - 2; i++) {
            middle.add(rotation.get(i % rotation.size()));
        }
        int end = middle.size() - 1;
        if (end >= 1 && middle.get(end) == ShotKind.PRESENTER_WITH_PRODUCT) {
            middle.set(end, middle.get(end - 1));
            middle.set(end - 1, ShotKind.PRESENTER_WITH_PRODUCT);
        }
        List<ShotKind> kinds = new ArrayList<>();
        kinds.add(ShotKind.TALKING);
        kinds.addAll(middle);
        kinds.add(ShotKind.PRESENTER_WITH_PRODUCT);
        return kinds;
    }

    /** What happens in each shot: the persona saying the hook first, then each kind's directions in a seeded turn. */
    private static List<String> directions(List<ShotKind> kinds, UgcLines lines, Brief brief, SplittableRandom random) {
        Map<ShotKind, List<String>> options = new EnumMap<>(ShotKind.class);
        options.put(ShotKind.TALKING, TemplateWriters.shuffled(TALKING_SHOTS, random));
        options.put(ShotKind.PRODUCT_CLOSEUP, TemplateWriters.shuffled(CLOSEUP_SHOTS, random));
        options.put(ShotKind.PRESENTER_WITH_PRODUCT, TemplateWriters.shuffled(HOLDING_SHOTS, random));
        Map<ShotKind, Integer> used = new EnumMap<>(ShotKind.class);
        List<String> directions = new ArrayList<>();
        directions.add(TemplateWriters.capitalise(brief.persona()) + " looks into the phone camera in "
                + brief.setting() + " and says the hook, " + brief.tone() + ".");
        for (ShotKind kind : kinds.subList(1, kinds.size())) {
            int turn = used.merge(kind, 1, Integer::sum) - 1;
            List<String> own = options.get(kind);
            String direction = lines.fill(own.get(turn % own.size()))
                    .replace("{setting}", brief.setting())
                    .replace("{tone}", brief.tone());
            directions.add(TemplateWriters.capitalise(direction));
        }
        return directions;
    }

    /** Words in a text. */
    static int words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /** Estimated syllables: vowel groups per word, a silent final e dropped, at least one a word. */
    static int syllables(String text) {
        int count = 0;
        for (String word : UgcCues.words(text.replace("'", ""))) {
            int vowels = (int) VOWELS.matcher(word).results().count();
            if (word.endsWith("e") && !word.endsWith("le") && vowels > 1) {
                vowels--;
            }
            count += Math.max(1, vowels);
        }
        return count;
    }

    private static String pick(List<String> options, SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }
}
