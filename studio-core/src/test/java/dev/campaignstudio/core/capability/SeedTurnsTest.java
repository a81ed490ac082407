package dev.campaignstudio.core.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTurnsTest {

    @Test
    void placesTakeTheSeedsInTurnAndEachSeedsNextIdeaWhenTheSeedsComeRoundAgain() {
        List<String> seeds = List.of("A", "B");
        List<List<String>> ideas = List.of(List.of("a1", "a2"), List.of("b1", "b2", "b3"));
        List<String> taken = new ArrayList<>();
        for (int place = 0; place < 7; place++) {
            String seed = SeedTurns.seedOf(seeds, place);
            taken.add(seed + ":" + SeedTurns.ideaOf(ideas.get(seeds.indexOf(seed)), seeds.size(), place));
        }
        // written out by hand: A, B, A, B, ...; A's ideas a1, a2, a1, a2; B's b1, b2, b3
        assertThat(taken).containsExactly("A:a1", "B:b1", "A:a2", "B:b2", "A:a1", "B:b3", "A:a2");
    }

    @Test
    void noSeedsOrNoIdeasGiveNothing() {
        assertThat(SeedTurns.<String>seedOf(List.of(), 3)).isNull();
        assertThat(SeedTurns.ideaOf(List.of(), 2, 5)).isNull();
        assertThat(SeedTurns.ideaOf(List.of("only"), 0, 5)).isEqualTo("only");
    }
}
