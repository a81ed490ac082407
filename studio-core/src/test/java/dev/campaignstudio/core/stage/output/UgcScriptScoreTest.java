package dev.campaignstudio.core.stage.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.capability.ScriptWriting.Shot;
import dev.campaignstudio.core.capability.ScriptWriting.ShotKind;
import dev.campaignstudio.core.capability.ScriptWriting.UgcScript;
import java.util.List;
import org.junit.jupiter.api.Test;

class UgcScriptScoreTest {

    private static UgcScript script(String... lines) {
        ShotKind[] kinds = {ShotKind.TALKING, ShotKind.PRODUCT_CLOSEUP, ShotKind.PRESENTER_WITH_PRODUCT};
        List<Shot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            shots.add(new Shot(i + 1, kinds[Math.min(i, 2)], lines[i], "direction"));
        }
        return new UgcScript(shots);
    }

    @Test
    void aScriptOfTheRightLengthThatNamesTheProductEarlyWithAShortHookAndNoRepeatsScoresFull() {
        // 8 s at 2.5 words a second: 20 words
        UgcScript good = script(
                "I can't stop using this. The Aurora Bottle is great.",
                "Look at this teal finish, so pretty.",
                "Grab yours today.");
        UgcScriptScore score = UgcScriptScore.of(good, "Aurora Water Bottle", 8);
        assertThat(score.fit()).isEqualTo(1.0);
        assertThat(score.named()).isEqualTo(1.0);
        assertThat(score.hook()).isEqualTo(1.0);
        assertThat(score.variety()).isEqualTo(1.0);
        assertThat(score.score()).isEqualTo(1.0);
    }

    @Test
    void eachShortcomingCostsItsStatedWeight() {
        UgcScript unnamed = script(
                "I can't stop using this one, not even kidding.",
                "Look at this teal finish, so pretty.",
                "Link's below, go grab the Aurora Bottle.");
        assertThat(UgcScriptScore.of(unnamed, "Aurora Water Bottle", 8).named())
                .as("named only in the last shot")
                .isZero();
        UgcScript longHook = script(
                "Okay so I have been using this bottle every single day for weeks.",
                "Look at it.",
                "Get the Aurora Bottle.");
        assertThat(UgcScriptScore.of(longHook, "Aurora Water Bottle", 8).hook()).isZero();
        UgcScript repeats = script("So pretty. So pretty.", "So pretty, the Bottle.", "So pretty.");
        assertThat(UgcScriptScore.of(repeats, "Aurora Water Bottle", 8).variety())
                .isLessThan(0.8);
        UgcScript twiceTooLong =
                script("word ".repeat(20).trim() + ".", "word ".repeat(20).trim() + " bottle.");
        UgcScriptScore longScore = UgcScriptScore.of(twiceTooLong, "Aurora Water Bottle", 8);
        assertThat(longScore.fit()).as("twice the target words").isZero();
        assertThat(longScore.score())
                .isEqualTo(
                        0.25 * longScore.named() + 0.2 * longScore.hook() + 0.15 * longScore.variety(),
                        org.assertj.core.api.Assertions.within(0.002));
    }
}
