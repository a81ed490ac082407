package dev.campaignstudio.media;

import dev.campaignstudio.core.capability.StoryboardWriting.Concept;
import dev.campaignstudio.core.capability.StoryboardWriting.ConceptRequest;
import dev.campaignstudio.core.contract.Style;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Campaign concepts from templates: each concept takes a different selling angle, and fills the angle's title, hook
 * and shot templates with the product's name, colour and category, the product page's brand, price and claim, and
 * the prompt's salient words. Angles the facts support come first (the prompt's theme, the brand, the price, the
 * page's claim), then general ones in an order drawn from the seed; at least one general angle is always among them.
 * When more concepts are asked for than there are angles the facts support (4 specific at most, plus 6 general), the
 * angles are taken again in the same order, each second take with a title no concept has yet, another hook where
 * there is one and the shots the first take left out. The same request and seed propose the same concepts.
 */
final class ConceptWriter {

    private static final List<Angle> SPECIFIC = List.of(
            new Angle(
                    "campaign theme",
                    f -> !f.themes().isEmpty(),
                    null,
                    new String[] {"{Theme} with {name}", "{name}: made for {theme}"},
                    new String[] {"{Theme} calls for {name}."},
                    new String[] {"{Theme} calls for {name}.", "This {theme} season, bring {name}."},
                    new String[] {
                        "{name} in {a theme} setting, close and bright",
                        "hands reaching for {name}, {theme} all around",
                        "quick cuts of {theme} moments with {name} at the centre",
                        "end card: {name} and the words '{Theme} ready'"
                    },
                    new String[] {"{name}, {theme} edition", "Ready for {theme}", "{Theme} starts here"}),
            new Angle(
                    "brand story",
                    f -> f.brand() != null,
                    Style.STUDIO,
                    new String[] {"{brand}, made with care", "From the {brand} studio"},
                    new String[] {"From {brand}: {name}.", "{brand} made {name} for people who notice the details."},
                    new String[] {"{brand} made {name} for {theme} days."},
                    new String[] {
                        "the {brand} name on a clean backdrop, then {name} step{s} in",
                        "close-up of the finish and the {brand} mark",
                        "hands at work in the {brand} studio, then {name}, finished",
                        "{name} on a shelf, {brand} in soft focus behind"
                    },
                    new String[] {"{brand} presents {name}", "Why {brand} made {name}", "Inside {brand}"}),
            new Angle(
                    "value",
                    f -> f.price() != null,
                    Style.GRADIENT,
                    new String[] {"{name} for {price}", "Everyday quality at {price}"},
                    new String[] {"All of this, for {price}.", "{name}. {price}. Simple."},
                    new String[] {"{Theme}, sorted for {price}.", "{name} for {theme}, at {price}."},
                    new String[] {
                        "{name} turning slowly as '{price}' appears beside {them}",
                        "what you get with {name}, one detail at a time",
                        "a checkout tap, then {name} on the doorstep"
                    },
                    new String[] {"Worth every cent: {name}", "{price} well spent", "More for your money: {name}"}),
            new Angle(
                    "the promise",
                    f -> f.claim() != null,
                    Style.STUDIO,
                    new String[] {"{headline}"},
                    new String[] {"{claim}."},
                    new String[] {"{claim}. Ready for {theme}."},
                    new String[] {
                        "on-screen text: '{claim}'",
                        "a slow push-in on {name} while the claim settles",
                        "a real-life moment that proves the claim",
                        "{name} alone on a seamless backdrop"
                    },
                    new String[] {"{name}, as promised", "Promise kept: {name}", "Proof, not promises"}));

    private static final List<Angle> GENERAL = List.of(
            new Angle(
                    "everyday ritual",
                    f -> true,
                    Style.SURFACE,
                    new String[] {"Every day with {name}", "Your daily ritual"},
                    new String[] {"Your day starts with {name}.", "Small ritual, big difference: {name}."},
                    new String[] {"Your {theme} days start with {name}.", "Make {theme} a ritual with {name}."},
                    new String[] {
                        "morning light on a kitchen table, {name} in the frame",
                        "a hand picking up {name} on the way out",
                        "{name} beside a notebook, keys and a coffee",
                        "evening: {name} back in {its} place"
                    },
                    new String[] {"{name}, every day", "A little ritual", "Morning, noon and {name}"}),
            new Angle(
                    "design detail",
                    f -> true,
                    Style.STUDIO,
                    new String[] {"Made in the details", "Look closer"},
                    new String[] {"Look closer: every line of {name} {is} there on purpose.", "The details make {name}."
                    },
                    new String[] {"Built for {theme}, down to the last detail.", "{Theme}, in every detail of {name}."},
                    new String[] {
                        "macro pan across the {colour} finish",
                        "a slow turn of {name} against a seamless backdrop",
                        "close-up of the top, then pull back to show all of {name}",
                        "light sweeping across the edges of {name}"
                    },
                    new String[] {"In the details of {name}", "Made to be looked at", "Every line on purpose"}),
            new Angle(
                    "colour story",
                    f -> true,
                    Style.GRADIENT,
                    new String[] {"{Colour}, on purpose", "{a colour} moment"},
                    new String[] {"{Colour} never looked this good.", "Meet {name} in {colour}."},
                    new String[] {"{Colour} for {theme}: {name}.", "{a colour} take on {theme}."},
                    new String[] {
                        "{name} on a backdrop of {its} own {colour}",
                        "{colour} props arranged around {name}",
                        "a colour wipe that lands on {name}",
                        "{name} in {colour} light, then in daylight"
                    },
                    new String[] {"All about {colour}", "{name} in {colour}", "Think {colour}"}),
            new Angle(
                    "on the go",
                    f -> true,
                    Style.OUTDOOR,
                    new String[] {"Wherever you go", "Out and about"},
                    new String[] {"Built to go where you go.", "Pack {them}, take {them}, love {them}: {name}."},
                    new String[] {"{Theme} plans? Take {name}.", "Out for {theme}, {name} in hand."},
                    new String[] {
                        "{name} slipped into a bag",
                        "{name} in the open air, in the sunlight",
                        "a walk-and-talk shot with {name} in hand",
                        "{name} on a bench, the city behind"
                    },
                    new String[] {"{name}, on the move", "Take {them} everywhere", "Packed and ready"}),
            new Angle(
                    "gift moment",
                    f -> true,
                    Style.PATTERN,
                    new String[] {"The gift that gets used", "Wrapped and ready"},
                    new String[] {"Looking for a gift? {name}.", "The gift that gets used every day."},
                    new String[] {"The {theme} gift: {name}.", "Give {theme}: give {name}."},
                    new String[] {
                        "{name} lifted out of tissue paper",
                        "a gift tag with a handwritten note beside {name}",
                        "a smile as {name} {is} unwrapped",
                        "{name} under a ribbon, top-down"
                    },
                    new String[] {"A gift worth giving", "Give {name}", "Unwrap {name}"}),
            new Angle(
                    "social proof",
                    f -> true,
                    Style.STUDIO,
                    new String[] {"Everyone is asking about {them}", "The talk of the feed"},
                    new String[] {
                        "Why is everyone talking about {name}?", "You have seen {them} everywhere. Here is why."
                    },
                    new String[] {"Everyone's {theme} pick: {name}.", "The {theme} favourite: {name}."},
                    new String[] {
                        "quick cuts of different hands holding {name}",
                        "a five-star rating appearing next to {name}",
                        "{name} in three different homes",
                        "a friend asking 'where did you get that?'"
                    },
                    new String[] {"The talk of the town", "Why everyone has {name}", "Seen everywhere"}));

    List<Concept> concepts(ConceptRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed() ^ 0x2545F4914F6CDD1DL);
        Facts facts = Facts.of(request);
        List<Angle> specific = SPECIFIC.stream()
                .filter(a -> a.applies().test(facts))
                .limit(request.count() - 1)
                .toList();
        List<Angle> angles = new ArrayList<>(specific);
        List<Angle> general = TemplateWriters.shuffled(GENERAL, random);
        angles.addAll(general.subList(0, Math.min(general.size(), request.count() - specific.size())));
        List<Concept> concepts = new ArrayList<>();
        for (int i = 0; i < angles.size(); i++) {
            concepts.add(angles.get(i).write(facts, theme(facts, i), random));
        }
        Set<String> titles = new HashSet<>(concepts.stream().map(Concept::title).toList());
        for (int i = angles.size(); i < request.count(); i++) {
            Concept retake = angles.get(i % angles.size())
                    .again(facts, theme(facts, i), concepts.get(i % angles.size()), titles, random);
            titles.add(retake.title());
            concepts.add(retake);
        }
        return concepts;
    }

    private static String theme(Facts facts, int index) {
        return facts.themes().isEmpty()
                ? null
                : facts.themes().get(index % facts.themes().size());
    }

    /**
     * A selling angle and its templates.
     *
     * @param name        what the concept's {@code angle} says
     * @param applies     whether the facts support it
     * @param style       the look it suggests; {@code null} to take it from the theme
     * @param titles      title templates
     * @param hooks       hook templates without a theme
     * @param themedHooks hook templates that use the prompt's theme
     * @param scenes      shot templates in story order; two to four are taken
     * @param retitles    more title templates, for a second take on the angle when more concepts are asked for than
     *                    there are angles
     */
    record Angle(
            String name,
            Predicate<Facts> applies,
            Style style,
            String[] titles,
            String[] hooks,
            String[] themedHooks,
            String[] scenes,
            String[] retitles) {

        Concept write(Facts facts, String theme, SplittableRandom random) {
            String title = facts.fill(pick(titles, random), theme);
            String hook = facts.fill(pick(theme == null ? hooks : themedHooks, random), theme);
            int count = Math.min(scenes.length, 2 + random.nextInt(3));
            List<Integer> order = new ArrayList<>();
            TemplateWriters.shuffled(indices(scenes.length), random)
                    .subList(0, count)
                    .forEach(order::add);
            order.sort(Integer::compare);
            List<String> ideas =
                    order.stream().map(i -> facts.fill(scenes[i], theme)).toList();
            return new Concept(title, name, hook, ideas, style == null ? themeStyle(theme) : style);
        }

        /**
         * Another take on this angle after {@code first}: a title none of {@code taken} has (from all the angle's title
         * templates in a seeded order, else the first take's title with ", take two"), another hook where the angle has one, and
         * two to four shots, those the first take left out before those it used, never the same set.
         */
        Concept again(Facts facts, String theme, Concept first, Set<String> taken, SplittableRandom random) {
            List<String> options = new ArrayList<>(List.of(titles));
            options.addAll(List.of(retitles));
            String title = TemplateWriters.shuffled(options, random).stream()
                    .map(t -> facts.fill(t, theme))
                    .filter(t -> !taken.contains(t))
                    .findFirst()
                    .orElse(first.title() + ", take two");
            List<String> hookOptions =
                    TemplateWriters.shuffled(List.of(theme == null ? hooks : themedHooks), random).stream()
                            .map(h -> facts.fill(h, theme))
                            .toList();
            String hook = hookOptions.stream()
                    .filter(h -> !h.equals(first.hook()))
                    .findFirst()
                    .orElse(hookOptions.get(0));
            List<Integer> fresh = new ArrayList<>();
            List<Integer> seen = new ArrayList<>();
            for (int i : TemplateWriters.shuffled(indices(scenes.length), random)) {
                (first.sceneIdeas().contains(facts.fill(scenes[i], theme)) ? seen : fresh).add(i);
            }
            int count = Math.min(fresh.isEmpty() ? scenes.length - 1 : scenes.length, 2 + random.nextInt(3));
            fresh.addAll(seen);
            List<Integer> order = new ArrayList<>(fresh.subList(0, count));
            order.sort(Integer::compare);
            List<String> ideas =
                    order.stream().map(i -> facts.fill(scenes[i], theme)).toList();
            return new Concept(title, name, hook, ideas, style == null ? themeStyle(theme) : style);
        }
    }

    /**
     * What the templates are filled with.
     *
     * @param name     how copy says the product's name
     * @param brand    the page's brand, or {@code null}
     * @param category the product's category
     * @param colour   a word for its main colour
     * @param price    the page's price as written, or {@code null}
     * @param claim    the first sentence of the page's description, or {@code null}
     * @param headline the page's title without the site's name, else a line made from the product name
     * @param themes   the prompt's salient words
     */
    record Facts(
            ProductNoun name,
            String brand,
            String category,
            String colour,
            String price,
            String claim,
            String headline,
            List<String> themes) {

        static Facts of(ConceptRequest request) {
            Map<String, String> page = request.pageFacts();
            String colour = request.facts().palette().isEmpty()
                    ? "signature colour"
                    : ProductDescriber.colourName(request.facts().palette().get(0));
            String claim = firstSentence(text(page.get("description")), 110);
            String title = text(page.get("title"));
            String headline = title == null ? "What {name} promise{s}" : title.split("\\s+[|\\u2013\\u2014-]\\s+")[0];
            return new Facts(
                    ProductNoun.of(request.productName()),
                    text(page.get("brand")),
                    request.facts().category(),
                    colour,
                    text(page.get("price")),
                    claim,
                    headline,
                    TemplateWriters.themes(request.prompt(), request.facts()));
        }

        String fill(String template, String theme) {
            String out = template.replace("{category}", category)
                    .replace("{a colour}", ProductNoun.withArticle(colour))
                    .replace("{Colour}", TemplateWriters.capitalise(colour))
                    .replace("{colour}", colour);
            out = brand == null ? out : out.replace("{brand}", brand);
            out = price == null ? out : out.replace("{price}", price);
            out = claim == null ? out : out.replace("{claim}", claim);
            out = out.replace("{headline}", headline);
            out = theme == null
                    ? out
                    : out.replace("{Theme}", TemplateWriters.capitalise(theme))
                            .replace("{a theme}", ProductNoun.withArticle(theme))
                            .replace("{theme}", theme);
            return name.fill(out);
        }

        private static String text(String value) {
            return value == null || value.isBlank()
                    ? null
                    : value.replaceAll("\\s+", " ").trim();
        }

        /** The first sentence, without its full stop; {@code null} when longer than {@code max} characters (never cut). */
        static String firstSentence(String text, int max) {
            if (text == null) {
                return null;
            }
            String sentence =
                    text.split("(?<=[.!?])\\s")[0].replaceAll("[.!?]+$", "").trim();
            return sentence.isEmpty() || sentence.length() > max ? null : sentence;
        }
    }

    /** The look a theme word suggests. */
    static Style themeStyle(String theme) {
        if (theme == null) {
            return Style.STUDIO;
        }
        String word = theme.toLowerCase(Locale.ROOT);
        if (word.matches(
                "summer|beach|outdoor.*|travel.*|adventure.*|hike|hiking|spring|garden|park|sport.*|sunny|vibes")) {
            return Style.OUTDOOR;
        }
        if (word.matches("cosy|cozy|morning.*|coffee|home.*|kitchen|autumn|slow|calm|warm")) {
            return Style.SURFACE;
        }
        if (word.matches("holiday.*|gift.*|festive|party|christmas|birthday|celebration")) {
            return Style.PATTERN;
        }
        if (word.matches("luxur.*|evening|elegan.*|night|premium|mysterious")) {
            return Style.GRADIENT;
        }
        return Style.STUDIO;
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }

    private static List<Integer> indices(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
