package dev.campaignstudio.core.stage.fidelity;

import dev.campaignstudio.core.capability.FidelityCheck.FidelityScore;
import dev.campaignstudio.core.capability.ImageGeneration.Constraints;
import dev.campaignstudio.core.stage.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the next generation changes after a drifted one, chosen from the parts of its score: colour drift locks the
 * palette to the reference; shape or proportion drift (or colour drift with the palette already locked) halves how much
 * the product may be stylised and draws it larger; a product the check could hardly find is drawn larger still. Every
 * regeneration gets a new seed and tells the prompt what drifted; the last allowed one also turns stylisation off.
 * Pure: the same attempt and score give the same next try, so a loop resumed after a crash carries on exactly as it
 * would have.
 */
public final class Regeneration {

    /** The smallest share of the frame's height a product the check could not find well is given. */
    static final double LARGER_SHARE = 0.55;
    /** The most share a regeneration asks for. */
    static final double LARGEST_SHARE = 0.75;

    private Regeneration() {}

    /**
     * One generation's settings.
     *
     * @param attempt     1-based
     * @param seed        the generation's seed
     * @param constraints what the adapter is held to
     * @param guidance    what the prompt is told about the previous drift, or {@code null}
     * @param changes     what changed from the previous try, for people reading the step
     */
    public record Try(int attempt, long seed, Constraints constraints, String guidance, List<String> changes) {
        public Try {
            changes = List.copyOf(changes);
        }

        /** The first generation: as the stage asked. */
        public static Try first(long seed, Constraints constraints) {
            return new Try(1, seed, constraints == null ? Constraints.NONE : constraints, null, List.of());
        }
    }

    /**
     * The try after {@code previous}, which scored {@code score}.
     *
     * @param baseSeed    the first try's seed (each attempt's seed derives from it)
     * @param last        whether the next try is the last one allowed
     */
    public static Try next(Try previous, FidelityScore score, double threshold, long baseSeed, boolean last) {
        Constraints was = previous.constraints();
        boolean lock = was.lockPalette();
        double share = was.minProductShare();
        double stylisation = was.stylisation();
        List<String> changes = new ArrayList<>();
        List<String> drifted = new ArrayList<>();
        List<String> asks = new ArrayList<>();
        int attempt = previous.attempt() + 1;
        changes.add("new seed");
        boolean colour = score.colour() < threshold;
        boolean shape = score.structure() < threshold || score.proportion() < threshold;
        if (colour) {
            drifted.add(part("colour", score.colour()));
            asks.add("keep the product's colours exactly as in the reference");
            if (!lock) {
                lock = true;
                changes.add("palette locked to the reference");
            } else {
                shape = true;
            }
        }
        if (score.structure() < threshold) {
            drifted.add(part("shape", score.structure()));
        }
        if (score.proportion() < threshold) {
            drifted.add(part("proportions", score.proportion()));
        }
        if (shape) {
            asks.add("keep its shape and proportions; do not restyle or distort it");
            double lower = last ? 0 : Math.floor(stylisation * 50) / 100;
            if (lower < stylisation) {
                stylisation = lower;
                changes.add(
                        stylisation == 0
                                ? "stylisation off"
                                : String.format(Locale.ROOT, "stylisation lowered to %.2f", stylisation));
            }
            // a small product shows its shape in few pixels, to a model and to the check alike: give it room
            if (share < LARGER_SHARE) {
                share = LARGER_SHARE;
                changes.add(String.format(
                        Locale.ROOT, "product drawn larger (at least %.0f%% of the frame height)", share * 100));
            }
        }
        if (score.location() < threshold) {
            drifted.add(part("visibility", score.location()));
            asks.add("show the whole product larger and unobstructed");
            double larger = share < LARGER_SHARE ? LARGER_SHARE : Math.min(LARGEST_SHARE, share + 0.1);
            if (larger > share) {
                share = larger;
                changes.add(String.format(
                        Locale.ROOT, "product drawn larger (at least %.0f%% of the frame height)", share * 100));
            }
        }
        if (last && stylisation > 0) {
            stylisation = 0;
            changes.add("stylisation off for the last attempt");
        }
        String guidance = String.format(
                Locale.ROOT,
                "The previous image drifted from the product (%s; %.2f needed): %s.",
                drifted.isEmpty() ? part("score", score.score()) : String.join(", ", drifted),
                threshold,
                String.join("; ", asks.isEmpty() ? List.of("keep the product exactly as in the reference") : asks));
        changes.add("prompt told what drifted");
        return new Try(
                attempt,
                Seeds.of(baseSeed + ":" + attempt),
                new Constraints(lock, share, stylisation),
                guidance,
                changes);
    }

    private static String part(String name, double value) {
        return String.format(Locale.ROOT, "%s %.2f", name, value);
    }
}
