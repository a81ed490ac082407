package dev.campaignstudio.core.capability;

import java.util.List;

/**
 * How scenes, segments and shots take the product's storyboard seeds: the seeds in turn, and of a seed's scene ideas
 * the next one each time the seeds come round again (docs/modes.md). One rule for the concepts, the fast video's
 * storyboard, the script video's segments and the UGC shots.
 */
public final class SeedTurns {

    private SeedTurns() {}

    /**
     * The seed that place {@code index} follows.
     *
     * @param seeds the product's storyboard seeds, possibly empty
     * @param index the scene's, segment's or shot's place, 0-based
     * @return the seed, or {@code null} when there are none
     */
    public static <T> T seedOf(List<T> seeds, int index) {
        return seeds.isEmpty() ? null : seeds.get(index % seeds.size());
    }

    /**
     * The scene idea place {@code index} takes from its seed's ideas.
     *
     * @param ideas the scene ideas of the seed {@link #seedOf} gave, possibly empty
     * @param seeds how many seeds there are (at least one when {@code ideas} is not empty)
     * @param index the scene's, segment's or shot's place, 0-based
     * @return the idea, or {@code null} when the seed has none
     */
    public static String ideaOf(List<String> ideas, int seeds, int index) {
        return ideas.isEmpty() ? null : ideas.get(index / Math.max(1, seeds) % ideas.size());
    }
}
